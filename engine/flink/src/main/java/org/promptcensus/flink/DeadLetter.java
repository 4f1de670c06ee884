package org.promptcensus.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.promptcensus.core.run.Outcome;

/**
 * A record the job could not use, with the reason: malformed JSON, invalid UTF-8, no text, an
 * engine error, or (streaming) too late for its window's mix. Dead letters go to a side output
 * (a file in batch mode, a topic in streaming mode) and never fail the job. They carry no prompt
 * text. A Flink POJO.
 */
public final class DeadLetter {
    /** The code of records that arrived after their windows closed (their tags were still written). */
    public static final String LATE = "LATE";

    /** The file name, or {@code topic-partition}. */
    public String source;
    /** The line number, or the Kafka offset. */
    public long position;
    /** The record id when it could be read, else null. */
    public String id;
    /** The error code ({@code BAD_RECORD}, {@code NO_TEXT}, {@code INTERNAL}, {@code LATE}, ...). */
    public String code;
    /** One line saying what is wrong. */
    public String reason;

    /** For Flink's serializer. */
    public DeadLetter() {
    }

    /**
     * @param source the file or topic-partition
     * @param position the line or offset
     * @param id the record id, or null
     * @param code the error code
     * @param reason what is wrong
     */
    public DeadLetter(String source, long position, String id, String code, String reason) {
        this.source = source;
        this.position = position;
        this.id = id;
        this.code = code;
        this.reason = reason;
    }

    /**
     * @param s a record the engine skipped
     * @return its dead letter
     */
    public static DeadLetter of(Outcome.Skipped s) {
        return new DeadLetter(s.raw().source(), s.raw().line(), s.id(), s.code().name(), s.message());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return one JSON line: {@code {"source", "position", "id", "code", "reason"}} */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", source);
        o.put("position", position);
        if (id != null) {
            o.put("id", id);
        }
        o.put("code", code);
        o.put("reason", reason);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
