package org.promptcensus.core.taxonomy;

import java.util.Map;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * How rule evidence and model probabilities combine into a category score:
 * {@code score = sigmoid(modelWeight * logit(p) + bias + categoryBias[c] + clamp(sum of rule weights, +-evidenceCap))}.
 *
 * @param modelWeight how much the model's log-odds count
 * @param bias added to every category's log-odds (moves all scores up or down together)
 * @param evidenceCap the largest total rule evidence, either way
 * @param categoryBias per-category log-odds shifts (calibration, e.g. a catch-all category made
 *                     less eager); categories not named get 0
 * @param primaryThreshold when no category reaches its own threshold, the best one is still the
 *                         primary tag if its score reaches this (null: never; then the fallback
 *                         category is given). Category thresholds decide the further tags.
 */
public record FusionSettings(double modelWeight, double bias, double evidenceCap, Map<String, Double> categoryBias,
                             Double primaryThreshold) {
    /** The defaults. */
    public static final FusionSettings DEFAULT = new FusionSettings(1.0, 0.0, 6.0, Map.of(), null);

    /** Validates the components. */
    public FusionSettings {
        if (modelWeight < 0 || evidenceCap <= 0) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, "fusion: modelWeight must be >= 0 and evidenceCap > 0");
        }
        categoryBias = categoryBias == null ? Map.of() : Map.copyOf(categoryBias);
        if (primaryThreshold != null && !(primaryThreshold > 0 && primaryThreshold < 1)) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, "fusion: primaryThreshold must be in (0, 1)");
        }
    }

    /**
     * @param category a category id
     * @return its log-odds shift
     */
    public double biasOf(String category) {
        return bias + categoryBias.getOrDefault(category, 0.0);
    }
}
