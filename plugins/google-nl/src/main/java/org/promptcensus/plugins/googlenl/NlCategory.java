package org.promptcensus.plugins.googlenl;

import java.util.Objects;

/**
 * One content category of a {@code classifyText} response. Immutable.
 *
 * @param name the category path, e.g. {@code /Games/Roleplaying Games}
 * @param confidence Google's confidence in [0, 1]
 */
public record NlCategory(String name, double confidence) {
    /** The confidence below which the usage study dropped a label, and so does the tagger. */
    public static final double CUTOFF = 0.5;

    /** Validates the components. */
    public NlCategory {
        Objects.requireNonNull(name, "name");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** @return true when the confidence reaches the study's cut-off of 0.5 */
    public boolean confident() {
        return confidence >= CUTOFF;
    }
}
