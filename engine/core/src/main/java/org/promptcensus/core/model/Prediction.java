package org.promptcensus.core.model;

import java.util.List;
import java.util.Map;

/**
 * The statistical model's output for one request.
 *
 * @param probabilities probability per category id (summing to 1 over the model's categories)
 * @param topFeatures for explanations: per category, its strongest features in this request
 *                    (empty unless asked for)
 */
public record Prediction(Map<String, Double> probabilities, Map<String, List<FeatureWeight>> topFeatures) {
    /** Copies the maps. */
    public Prediction {
        probabilities = Map.copyOf(probabilities);
        topFeatures = Map.copyOf(topFeatures);
    }

    /**
     * A model feature and its weight for a category.
     *
     * @param feature the feature, e.g. {@code bow=python}
     * @param weight its parameter for the category
     */
    public record FeatureWeight(String feature, double weight) {
    }
}
