package org.promptcensus.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the model catalog knows about a model: who made it, open or closed weights, origin, size.
 * An id that no catalog entry matches is described by {@link #unknown(String)}: it is reported as
 * unknown, never dropped.
 *
 * @param id the catalog id (for unknown models: the logged id)
 * @param name a display name
 * @param author the author slug ({@code openai}, {@code deepseek}, ...; {@code unknown})
 * @param weights open or closed weights
 * @param origin the developer's region: {@code US}, {@code China}, {@code Europe}, {@code other}, {@code unknown}
 * @param paramsTotalB total parameters in billions, or null
 * @param paramsActiveB active parameters in billions (mixture-of-experts), or null
 * @param size the size bucket
 * @param reasoning whether it is a reasoning model
 * @param released its release date, or null
 */
public record ModelInfo(String id, String name, String author, Weights weights, String origin, Double paramsTotalB,
                        Double paramsActiveB, Size size, boolean reasoning, LocalDate released) {

    /** Open or closed weights. */
    public enum Weights {
        /** Weights published. */
        OPEN,
        /** Weights not published. */
        CLOSED,
        /** Not in the catalog. */
        UNKNOWN;

        /** @return the lower-case label */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Size buckets by total parameters, as the usage study used them. */
    public enum Size {
        /** Fewer than 15 billion parameters. */
        SMALL("<15B"),
        /** 15 to 70 billion. */
        MEDIUM("15-70B"),
        /** More than 70 billion. */
        LARGE(">70B"),
        /** Not disclosed or not in the catalog. */
        UNKNOWN("unknown");

        private final String label;

        Size(String label) {
            this.label = label;
        }

        /** @return the bucket's label, e.g. {@code 15-70B} */
        public String label() {
            return label;
        }

        /**
         * @param label a label as written in the catalog
         * @return the bucket
         */
        public static Size ofLabel(String label) {
            for (Size s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown size bucket '" + label + "'; buckets are <15B, 15-70B, >70B, unknown");
        }
    }

    /** Validates the components. */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(size, "size");
        name = name == null ? id : name;
    }

    /**
     * @param loggedId a model id that the catalog does not know (null when the record had none)
     * @return its description: everything unknown
     */
    public static ModelInfo unknown(String loggedId) {
        String id = loggedId == null || loggedId.isBlank() ? "(none)" : loggedId;
        return new ModelInfo(id, id, "unknown", Weights.UNKNOWN, "unknown", null, null, Size.UNKNOWN, false, null);
    }

    /** @return true when no catalog entry matched */
    public boolean isUnknown() {
        return weights == Weights.UNKNOWN;
    }
}
