package org.promptcensus.api;

import java.util.List;
import java.util.Objects;

/**
 * A category assigned to a request, with its fused score in [0, 1] and, when asked for, the
 * evidence behind it.
 *
 * @param id the category id (e.g. {@code roleplay}, {@code roleplay/companion})
 * @param score the fused score in [0, 1]
 * @param evidence the evidence, strongest first (empty unless explanations were requested)
 */
public record Tag(String id, double score, List<Evidence> evidence) {
    /** Validates the components. */
    public Tag {
        Objects.requireNonNull(id, "id");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score out of [0,1]: " + score);
        }
        evidence = List.copyOf(evidence);
    }

    /**
     * @param id category id
     * @param score score in [0, 1]
     * @return a tag without evidence
     */
    public static Tag of(String id, double score) {
        return new Tag(id, score, List.of());
    }
}
