package org.promptcensus.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request with its detected language and the tags of every taxonomy that ran.
 *
 * @param request the request
 * @param lang the detected language of its classified text (ISO 639-1 where one exists, else
 *             ISO 639-3; {@code und} when undetermined)
 * @param tagSets one tag set per taxonomy, in the engine's taxonomy order
 * @param warnings non-fatal notes on this record (text truncated, a plugin stage failed, ...)
 */
public record TaggedRequest(Request request, String lang, List<TagSet> tagSets, List<String> warnings) {
    /** Validates and copies the components. */
    public TaggedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(lang, "lang");
        tagSets = List.copyOf(tagSets);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param taxonomy a taxonomy id
     * @return that taxonomy's tags, if it ran
     */
    public Optional<TagSet> tags(String taxonomy) {
        return tagSets.stream().filter(t -> t.taxonomy().equals(taxonomy)).findFirst();
    }

    /**
     * @param taxonomy a taxonomy id
     * @return the primary category id of that taxonomy, if it ran and tagged
     */
    public Optional<String> primary(String taxonomy) {
        return tags(taxonomy).flatMap(TagSet::primary).map(Tag::id);
    }
}
