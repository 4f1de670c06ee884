package org.promptcensus.core.taxonomy;

import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * How rule evidence and model probabilities combine into a category score:
 * {@code score = sigmoid(modelWeight * logit(p) + bias + clamp(sum of rule weights, +-evidenceCap))}.
 *
 * @param modelWeight how much the model's log-odds count
 * @param bias added to every category's log-odds (moves all scores up or down together)
 * @param evidenceCap the largest total rule evidence, either way
 */
public record FusionSettings(double modelWeight, double bias, double evidenceCap) {
    /** The defaults. */
    public static final FusionSettings DEFAULT = new FusionSettings(1.0, 0.0, 6.0);

    /** Validates the components. */
    public FusionSettings {
        if (modelWeight < 0 || evidenceCap <= 0) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, "fusion: modelWeight must be >= 0 and evidenceCap > 0");
        }
    }
}
