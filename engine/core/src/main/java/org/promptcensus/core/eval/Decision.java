package org.promptcensus.core.eval;

import java.util.List;
import java.util.Set;

/**
 * One evaluated record: what the gold labels say and what the engine tagged, for one taxonomy.
 *
 * @param goldPrimary the gold primary label ({@code fallback} for an empty multi-label list)
 * @param predictedPrimary the predicted primary tag ({@code (none)} when nothing was tagged)
 * @param gold the gold categories (empty: none of them)
 * @param predicted the tagged categories, the fallback category left out
 */
public record Decision(String goldPrimary, String predictedPrimary, Set<String> gold, Set<String> predicted) {
    /** Copies the sets. */
    public Decision {
        gold = Set.copyOf(gold);
        predicted = Set.copyOf(predicted);
    }

    /** @return whether the record counts as correct (same primary; for multi-label, the same set) */
    public boolean correct(boolean multiLabel) {
        return multiLabel ? gold.equals(predicted) : goldPrimary.equals(predictedPrimary);
    }

    /**
     * @param labels categories
     * @param none what to print for an empty set
     * @return the categories sorted and joined by {@code +}
     */
    static String join(Set<String> labels, String none) {
        return labels.isEmpty() ? none : String.join("+", labels.stream().sorted().toList());
    }

    /** @return the predicted set for messages, e.g. {@code hate+violence} */
    public String predictedText(String none) {
        return join(predicted, none);
    }

    /** @return the gold set for messages */
    public List<String> goldList() {
        return gold.stream().sorted().toList();
    }
}
