package org.promptcensus.core.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.promptcensus.api.Evidence;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

/**
 * Writes tagged requests as JSON Lines in the engine's fixed output shape:
 * <pre>
 * {"id": "...", "lang": "en", "tags": {"usecase": [{"id": "roleplay", "score": 0.91}, ...]},
 *  "model": ..., "created": ..., "user": ..., "usage": {...}, "finish_reason": ..., "tools": 2}
 * </pre>
 * Metadata fields appear only when the input had them. Prompt text appears only with
 * {@link OutputOptions#keepText()}.
 *
 * <p>Not thread-safe: one writer per output stream.
 */
public final class TaggedWriter implements AutoCloseable {
    private final JsonGenerator gen;
    private final OutputOptions options;

    /**
     * @param out where to write (not closed by {@link #close()} when it is stdout: the caller decides)
     * @param options what to include
     * @throws IOException on failure
     */
    public TaggedWriter(OutputStream out, OutputOptions options) throws IOException {
        // No root-value separator: Jackson would put a space before every line after the first.
        this.gen = new JsonFactory().setRootValueSeparator(null).createGenerator(out, JsonEncoding.UTF8);
        this.gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.options = options;
    }

    /**
     * @param t a tagged request
     * @throws IOException on failure
     */
    public void write(TaggedRequest t) throws IOException {
        Request r = t.request();
        gen.writeStartObject();
        gen.writeStringField("id", r.id());
        gen.writeStringField("lang", t.lang());
        gen.writeObjectFieldStart("tags");
        for (TagSet set : t.tagSets()) {
            gen.writeArrayFieldStart(set.taxonomy());
            for (Tag tag : set.tags()) {
                gen.writeStartObject();
                gen.writeStringField("id", tag.id());
                gen.writeNumberField("score", tag.score());
                if (options.explain()) {
                    gen.writeArrayFieldStart("evidence");
                    for (Evidence e : tag.evidence()) {
                        gen.writeStartObject();
                        gen.writeStringField("kind", e.kind().name().toLowerCase());
                        gen.writeStringField("source", e.source());
                        gen.writeNumberField("weight", e.weight());
                        gen.writeEndObject();
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        writeMetadata(r);
        if (!t.warnings().isEmpty()) {
            gen.writeArrayFieldStart("warnings");
            for (String w : t.warnings()) {
                gen.writeString(w);
            }
            gen.writeEndArray();
        }
        if (options.keepText()) {
            gen.writeArrayFieldStart("messages");
            for (Message m : r.messages()) {
                gen.writeStartObject();
                gen.writeStringField("role", m.role().wireName());
                gen.writeStringField("content", m.content());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    private void writeMetadata(Request r) throws IOException {
        if (r.model() != null) {
            gen.writeStringField("model", r.model());
        }
        if (r.created() != null) {
            gen.writeStringField("created", r.created().toString());
        }
        if (r.user() != null) {
            gen.writeStringField("user", r.user());
        }
        Usage u = r.usage();
        if (!u.isEmpty()) {
            gen.writeObjectFieldStart("usage");
            writeCount("prompt_tokens", u.promptTokens());
            writeCount("completion_tokens", u.completionTokens());
            writeCount("reasoning_tokens", u.reasoningTokens());
            writeCount("cached_tokens", u.cachedTokens());
            gen.writeEndObject();
        }
        if (r.finishReason() != null) {
            gen.writeStringField("finish_reason", r.finishReason());
        }
        if (r.toolCount() > 0) {
            gen.writeNumberField("tools", r.toolCount());
        }
        if (r.costUsd() != null) {
            gen.writeNumberField("cost_usd", r.costUsd());
        }
    }

    private void writeCount(String name, Long v) throws IOException {
        if (v != null) {
            gen.writeNumberField(name, v);
        }
    }

    /** @throws IOException on failure */
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
