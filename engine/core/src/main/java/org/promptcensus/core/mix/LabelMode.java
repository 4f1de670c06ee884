package org.promptcensus.core.mix;

import java.util.List;
import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Tag;

/**
 * How a request with several tags counts in a mix. {@link #PRIMARY}: wholly for its best tag (the
 * usage study's charts are read this way, and shares sum to 1). {@link #SPLIT}: divided among its
 * tags in proportion to their scores (a role-play that is also adult counts partly for each).
 */
public enum LabelMode {
    /** The whole request counts for the primary tag. */
    PRIMARY,
    /** The request is divided among its tags by score. */
    SPLIT;

    /**
     * @param tags tags, best first
     * @return the facet parts
     */
    public List<Facet.Part> split(List<Tag> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        if (this == PRIMARY || tags.size() == 1) {
            return List.of(new Facet.Part(tags.get(0).id(), 1.0));
        }
        double sum = tags.stream().mapToDouble(Tag::score).sum();
        if (sum <= 0) {
            return List.of(new Facet.Part(tags.get(0).id(), 1.0));
        }
        return tags.stream().map(t -> new Facet.Part(t.id(), t.score() / sum)).toList();
    }

    /**
     * @param name {@code primary} or {@code split}
     * @return the mode
     */
    public static LabelMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, "unknown label weighting '" + name + "'; use primary or split");
        }
    }
}
