package org.promptcensus.core.train;

import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Training settings of the maxent document categorizer (OpenNLP's L-BFGS maxent, "MAXENT_QN").
 *
 * @param iterations maximum L-BFGS iterations
 * @param cutoff features seen fewer times are dropped
 * @param l2 L2 regularization cost (higher generalizes more)
 * @param bigrams whether word bigrams are features besides single words
 */
public record TrainOptions(int iterations, int cutoff, double l2, boolean bigrams) {
    /** The defaults used for the shipped models. */
    public static final TrainOptions DEFAULT = new TrainOptions(100, 2, 2.0, true);

    /**
     * @param settings a taxonomy's training section
     * @return its options
     */
    public static TrainOptions of(org.promptcensus.core.taxonomy.TrainingSettings settings) {
        return new TrainOptions(settings.iterations(), settings.cutoff(), settings.l2(), settings.bigrams());
    }

    /** Validates the components. */
    public TrainOptions {
        if (iterations < 1 || cutoff < 0 || l2 < 0) {
            throw new CensusException(ErrorCode.BAD_USAGE, "training: iterations >= 1, cutoff >= 0 and l2 >= 0 required");
        }
    }
}
