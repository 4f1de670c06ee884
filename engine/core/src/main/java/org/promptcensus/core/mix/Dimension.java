package org.promptcensus.core.mix;

import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * A way to group records: by model, by author, open vs closed weights, origin, size bucket,
 * reasoning or not, language, or all together; the same values serve as facets (what a group's
 * traffic is split into) for market shares and language mixes.
 */
public enum Dimension {
    /** Everything in one group. */
    ALL,
    /** The logged model id, as catalogued (unknown ids are kept as logged). */
    MODEL,
    /** The model's author. */
    AUTHOR,
    /** Open or closed weights. */
    OPENNESS,
    /** The developer's region. */
    ORIGIN,
    /** Size bucket. */
    SIZE,
    /** Reasoning model or not. */
    REASONING,
    /** Detected language of the request. */
    LANGUAGE;

    /**
     * @param r a record
     * @return its value along this dimension
     */
    public String of(MixRecord r) {
        return switch (this) {
            case ALL -> "all";
            case MODEL -> r.model().isUnknown() ? r.model().id() : r.model().id();
            case AUTHOR -> r.model().author();
            case OPENNESS -> r.model().weights().label();
            case ORIGIN -> r.model().origin();
            case SIZE -> r.model().size().label();
            case REASONING -> r.model().isUnknown() ? "unknown" : r.model().reasoning() ? "reasoning" : "non-reasoning";
            case LANGUAGE -> r.lang();
        };
    }

    /** @return the lower-case name used on the command line and in outputs */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a name as on the command line (e.g. {@code model}, {@code open})
     * @return the dimension
     */
    public static Dimension parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Dimension d : values()) {
            if (d.label().equals(n)) {
                return d;
            }
        }
        if (n.equals("open") || n.equals("weights")) {
            return OPENNESS;
        }
        if (n.equals("lang")) {
            return LANGUAGE;
        }
        throw new CensusException(ErrorCode.BAD_USAGE, "unknown dimension '" + name
                + "'; use all, model, author, openness, origin, size, reasoning or language");
    }
}
