package org.promptcensus.core.eval;

/** Scores the primary tag against the primary gold label through a {@link ConfusionMatrix}. */
public final class PrimaryTally implements Tally {
    private final ConfusionMatrix matrix;

    /** @param matrix the matrix to fill */
    public PrimaryTally(ConfusionMatrix matrix) {
        this.matrix = matrix;
    }

    /** A tally with its own matrix. */
    public PrimaryTally() {
        this(new ConfusionMatrix());
    }

    @Override
    public void add(Decision d) {
        matrix.add(d.goldPrimary(), d.predictedPrimary());
    }

    @Override
    public EvalSummary summarize(int minSupport) {
        return matrix.summarize(minSupport);
    }
}
