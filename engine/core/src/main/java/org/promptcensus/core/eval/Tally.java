package org.promptcensus.core.eval;

/**
 * Counts evaluated records and turns them into scores; {@link PrimaryTally} for single-label
 * taxonomies, {@link MultiLabelTally} for multi-label ones. Not thread-safe while filled.
 */
public interface Tally {
    /** @param d one evaluated record */
    void add(Decision d);

    /**
     * @param minSupport categories with fewer gold records are listed but left out of macro-F1
     * @return the scores
     */
    EvalSummary summarize(int minSupport);
}
