package org.promptcensus.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

/**
 * Reads back the lines {@code census tag} writes (the fixed output shape), so that a log tagged once
 * can be rolled up many times. The messages are not read (the output holds none unless
 * {@code --keep-text}); everything aggregators need is.
 *
 * <p>Thread-safe.
 */
public final class TaggedRecordParser {
    private final RecordParser parser;

    /** @param parser the record parser (shares its JSON settings and metadata rules) */
    public TaggedRecordParser(RecordParser parser) {
        this.parser = parser;
    }

    /**
     * @param node a parsed JSON object
     * @return true when it is a tagged record (it has a {@code tags} object)
     */
    public static boolean isTagged(JsonNode node) {
        return node.path("tags").isObject();
    }

    /**
     * @param node a tagged record
     * @param defaultId the id when the record has none
     * @return the tagged request
     */
    public TaggedRequest parse(JsonNode node, String defaultId) {
        Request.Builder b = Request.builder(node.path("id").asText(defaultId));
        if (node.hasNonNull("model")) {
            b.model(node.get("model").asText());
        }
        if (node.hasNonNull("created")) {
            b.created(RecordParser.time(node.get("created")));
        }
        if (node.hasNonNull("user")) {
            b.user(node.get("user").asText());
        }
        JsonNode u = node.path("usage");
        if (u.isObject()) {
            b.usage(new Usage(count(u, "prompt_tokens"), count(u, "completion_tokens"), count(u, "reasoning_tokens"),
                    count(u, "cached_tokens")));
        }
        if (node.hasNonNull("finish_reason")) {
            b.finishReason(node.get("finish_reason").asText());
        }
        if (node.path("tools").canConvertToInt()) {
            b.toolCount(node.get("tools").asInt());
        }
        if (node.path("cost_usd").isNumber()) {
            b.costUsd(node.get("cost_usd").asDouble());
        }
        List<TagSet> sets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("tags").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new CensusException(ErrorCode.BAD_RECORD, "tags." + e.getKey() + " must be a list");
            }
            List<Tag> tags = new ArrayList<>();
            for (JsonNode t : e.getValue()) {
                double score = t.path("score").asDouble(Double.NaN);
                if (!t.path("id").isTextual() || !(score >= 0 && score <= 1)) {
                    throw new CensusException(ErrorCode.BAD_RECORD, "tags." + e.getKey() + ": each tag needs an id and a score in [0, 1]");
                }
                tags.add(Tag.of(t.get("id").asText(), score));
            }
            sets.add(new TagSet(e.getKey(), tags));
        }
        return new TaggedRequest(b.build(), node.path("lang").asText("und"), sets, List.of());
    }

    private static Long count(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        return v == null || !v.canConvertToLong() ? null : v.asLong();
    }

    /** @return the underlying record parser */
    public RecordParser recordParser() {
        return parser;
    }
}
