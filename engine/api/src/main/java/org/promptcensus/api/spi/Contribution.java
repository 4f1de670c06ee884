package org.promptcensus.api.spi;

import java.util.Objects;

/**
 * Evidence a {@link Tagger} contributes: log-odds for (or, negative, against) one category of one
 * taxonomy, fused with rules and models like a rule hit.
 *
 * @param taxonomy the taxonomy id
 * @param category the category id
 * @param weight log-odds evidence
 * @param source a name for explanations, e.g. the plugin's rule or model id
 */
public record Contribution(String taxonomy, String category, double weight, String source) {
    /** Validates the components. */
    public Contribution {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite");
        }
    }
}
