package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Request;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedRecordParser;

/**
 * The engine's own input: JSON Lines of the shapes {@link RecordParser} recognises ({@code text} /
 * {@code prompt}, OpenAI chat requests, Anthropic-style {@code system}, ShareGPT, gateway records
 * wrapping {@code request}), and the output of {@code census tag}. It is the default: the
 * commands read it with their own reader (which also maps {@code --field}s and reads tagged records
 * back); this class serves callers that go through the {@link org.promptcensus.api.spi.InputFormat}
 * interface.
 */
public final class CanonicalFormat extends JsonFormat {
    /** Its name. */
    public static final String NAME = "canonical";

    private static final java.util.Set<String> SHAPE_KEYS = java.util.Set.of("text", "prompt", "messages", "conversations",
            "request", "tags");

    private final RecordParser parser = new RecordParser(FieldMapping.NONE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JSON Lines of the canonical shapes: {text|prompt}, OpenAI chat requests, ShareGPT, gateway records (the default)";
    }

    @Override
    public double sniff(String head) {
        Head h = Head.of(head);
        if (!h.jsonLines()) {
            // A first line longer than the head: judge by its top-level keys.
            return h.firstLineCut() && h.firstKeys().stream().anyMatch(SHAPE_KEYS::contains) ? 0.6 : 0;
        }
        for (JsonNode line : h.lines()) {
            if (TaggedRecordParser.isTagged(line)) {
                return 0.6;
            }
            try {
                parser.parse(line, "1");
                return 0.6;
            } catch (CensusException | IllegalArgumentException e) {
                // not this shape; look at the next line
            }
        }
        return 0;
    }

    @Override
    void convert(JsonNode node, Out out) {
        try {
            Request r = parser.parse(node, String.valueOf(out.line()));
            Draft d = new Draft();
            d.id(r.id()).model(r.model()).created(r.created()).user(r.user()).finishReason(r.finishReason())
                    .tools(r.toolCount()).prompt(r.usage().promptTokens()).completion(r.usage().completionTokens())
                    .reasoning(r.usage().reasoningTokens()).cached(r.usage().cachedTokens());
            d.messages.addAll(r.messages());
            d.nonTextParts = r.nonTextParts();
            // keep the parser's own model id (no normalisation)
            d.model = r.model();
            out.ok(d);
        } catch (CensusException e) {
            out.fail(e.getMessage());
        }
    }
}
