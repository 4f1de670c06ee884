package org.promptcensus.plugins.pricing;

/**
 * A model's list price. Immutable.
 *
 * @param inputPerMillion US dollars per million input (prompt) tokens
 * @param outputPerMillion US dollars per million output (completion, reasoning included) tokens
 */
public record Price(double inputPerMillion, double outputPerMillion) {
    /** Validates the components. */
    public Price {
        if (!(inputPerMillion >= 0 && Double.isFinite(inputPerMillion)) || !(outputPerMillion >= 0 && Double.isFinite(outputPerMillion))) {
            throw new IllegalArgumentException("prices must be finite and not negative");
        }
    }

    /**
     * @param inputTokens input tokens
     * @param outputTokens output tokens
     * @return what they cost in US dollars
     */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1e6;
    }
}
