package org.promptcensus.core.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.promptcensus.api.Request;

/**
 * A labelled request, as in the corpus format of {@code corpora/README.md}.
 *
 * @param request the request
 * @param lang the labelled language, or null
 * @param source the dataset or file it comes from
 * @param labels per taxonomy id, the category ids (primary first); a taxonomy whose label is
 *               unknown is absent (JSON {@code null} means unknown, {@code []} means none)
 */
public record GoldRecord(Request request, String lang, String source, Map<String, List<String>> labels) {
    /** Copies the map. */
    public GoldRecord {
        labels = Map.copyOf(labels);
    }

    /**
     * @param taxonomy a taxonomy id
     * @return the labels for it, if known
     */
    public Optional<List<String>> labels(String taxonomy) {
        return Optional.ofNullable(labels.get(taxonomy));
    }
}
