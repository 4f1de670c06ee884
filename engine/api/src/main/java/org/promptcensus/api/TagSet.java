package org.promptcensus.api;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tags one taxonomy gave a request, best first. The first tag is the primary tag. A taxonomy
 * with a fallback category (such as {@code other}) always yields at least one tag.
 *
 * @param taxonomy the taxonomy id
 * @param tags the tags, sorted by score, best first
 */
public record TagSet(String taxonomy, List<Tag> tags) {
    /** Validates the components and sorts the tags, best first (ties by id). */
    public TagSet {
        Objects.requireNonNull(taxonomy, "taxonomy");
        tags = tags.stream()
                .sorted(Comparator.comparingDouble(Tag::score).reversed().thenComparing(Tag::id))
                .toList();
    }

    /** @return the best tag, if any */
    public Optional<Tag> primary() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(0));
    }

    /**
     * @param categoryId a category id
     * @return true when the set holds that category
     */
    public boolean has(String categoryId) {
        return tags.stream().anyMatch(t -> t.id().equals(categoryId));
    }
}
