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
 * @param headTerms how many opening content terms of the last user turn are head features (0: none)
 */
public record TrainOptions(int iterations, int cutoff, double l2, boolean bigrams, int headTerms) {
    /** The defaults used for the shipped models. */
    public static final TrainOptions DEFAULT = new TrainOptions(100, 2, 2.0, true, 0);

    /**
     * @param settings a taxonomy's training section
     * @return its options
     */
    public static TrainOptions of(org.promptcensus.core.taxonomy.TrainingSettings settings) {
        return new TrainOptions(settings.iterations(), settings.cutoff(), settings.l2(), settings.bigrams(), settings.headTerms());
    }

    /** Validates the components. */
    public TrainOptions {
        if (iterations < 1 || cutoff < 0 || l2 < 0 || headTerms < 0) {
            throw new CensusException(ErrorCode.BAD_USAGE, "training: iterations >= 1, cutoff >= 0 and l2 >= 0 required");
        }
    }
}
