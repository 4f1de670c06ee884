package org.promptcensus.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.io.OutputOptions;
import org.promptcensus.core.io.TaggedWriter;

/**
 * Writes answers as NDJSON: tagged requests in the engine's output shape ({@link TaggedWriter},
 * prompt text never copied) and, in batches, error lines
 * {@code {"index": i, "error": {"code": ..., "message": ...}}} in the failed records' places.
 *
 * <p>Not thread-safe: one per answer.
 */
final class TaggedJson {
    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    private final OutputOptions options;

    /** @param explain whether to include each tag's evidence */
    TaggedJson(boolean explain) {
        this.options = new OutputOptions(false, explain);
    }

    /**
     * @param t a tagged request
     * @return this
     */
    TaggedJson tagged(TaggedRequest t) {
        // A writer per record: one generator across records would put its root-value separator (a space)
        // at the start of every line after the first.
        try (TaggedWriter writer = new TaggedWriter(out, options)) {
            writer.write(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @param index the record's position @param e its error @return this */
    TaggedJson error(int index, ApiException e) {
        try {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeNumberField("index", index);
                g.writeObjectFieldStart("error");
                g.writeStringField("code", e.code());
                g.writeStringField("message", e.getMessage());
                g.writeEndObject();
                g.writeEndObject();
            }
            out.write('\n');
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return this;
    }

    /** @return the answer's bytes */
    byte[] bytes() {
        return out.toByteArray();
    }
}
