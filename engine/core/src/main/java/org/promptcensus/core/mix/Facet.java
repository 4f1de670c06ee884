package org.promptcensus.core.mix;

import java.util.List;
import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Tag;

/**
 * What each group's traffic is split into: use-case categories (the mix), subcategories within a
 * parent category, or a dimension's values (language mix per model; market share by model, author,
 * openness or origin over time).
 *
 * @param kind the kind of facet
 * @param parent the parent category of a subcategory facet, else null
 * @param dimension the dimension of a dimension facet, else null
 */
public record Facet(Kind kind, String parent, Dimension dimension) {

    /** Facet kinds. */
    public enum Kind {
        /** Top-level categories of a taxonomy. */
        CATEGORY,
        /** Subcategories of one category. */
        SUBCATEGORY,
        /** Values of a dimension. */
        DIMENSION
    }

    /** The use-case categories. */
    public static final Facet CATEGORY = new Facet(Kind.CATEGORY, null, null);

    /**
     * A facet value with its weight (1 for a single value; fractions when tags are split by score).
     *
     * @param value the facet value
     * @param weight its share of the record, in (0, 1]
     */
    public record Part(String value, double weight) {
    }

    /**
     * @param r a record
     * @param taxonomy the taxonomy whose tags are read
     * @param labels how multi-label tags are weighted
     * @return the record's facet values and weights (empty: the record does not count here)
     */
    public List<Part> parts(MixRecord r, String taxonomy, LabelMode labels) {
        return switch (kind) {
            case DIMENSION -> List.of(new Part(dimension.of(r), 1.0));
            case CATEGORY -> labels.split(topLevel(r.tags(taxonomy)));
            case SUBCATEGORY -> {
                List<Tag> tags = r.tags(taxonomy);
                if (tags.isEmpty() || !tags.stream().filter(t -> !t.id().contains("/")).findFirst()
                        .map(t -> t.id().equals(parent)).orElse(false)) {
                    yield List.of();
                }
                List<Tag> subs = tags.stream().filter(t -> t.id().startsWith(parent + "/")).toList();
                yield subs.isEmpty() ? List.of(new Part(parent + "/(unspecified)", 1.0)) : labels.split(subs);
            }
        };
    }

    private static List<Tag> topLevel(List<Tag> tags) {
        return tags.stream().filter(t -> !t.id().contains("/")).toList();
    }

    /** @return a label for outputs: {@code category}, {@code roleplay/*}, {@code language} */
    public String label() {
        return switch (kind) {
            case CATEGORY -> "category";
            case SUBCATEGORY -> parent + "/*";
            case DIMENSION -> dimension.label();
        };
    }

    /**
     * @param spec {@code category}, {@code sub:roleplay} (or {@code roleplay/*}), or a dimension name
     * @return the facet
     */
    public static Facet parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("category") || s.equals("usecase")) {
            return CATEGORY;
        }
        if (s.startsWith("sub:")) {
            return new Facet(Kind.SUBCATEGORY, s.substring(4), null);
        }
        if (s.endsWith("/*")) {
            return new Facet(Kind.SUBCATEGORY, s.substring(0, s.length() - 2), null);
        }
        try {
            return new Facet(Kind.DIMENSION, null, Dimension.parse(s));
        } catch (CensusException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, "unknown facet '" + spec
                    + "'; use category, sub:CATEGORY, or a dimension (model, author, openness, origin, size, reasoning, language)");
        }
    }
}
