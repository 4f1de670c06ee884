package org.promptcensus.core.eval;

/**
 * Counts and scores of one category, on the primary tag or (multi-label) on label sets.
 *
 * @param id the category id
 * @param support gold records whose primary label is this category (multi-label: that have it)
 * @param predicted records whose predicted primary tag is this category (multi-label: tagged with it)
 * @param correct records where both are this category
 */
public record CategoryScore(String id, long support, long predicted, long correct) {
    /** @return correct / predicted (0 when nothing was predicted) */
    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    /** @return correct / support (0 without support) */
    public double recall() {
        return support == 0 ? 0 : (double) correct / support;
    }

    /** @return the harmonic mean of precision and recall */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
