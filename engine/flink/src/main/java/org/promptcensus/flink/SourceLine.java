package org.promptcensus.flink;

import org.promptcensus.core.io.RawRecord;

/**
 * One input record as it crosses the network between the reader and the taggers: where it came
 * from (a file and line, or a Kafka topic-partition and offset) and either its JSON text or the
 * reason it could not be read. A Flink POJO: public fields and a no-argument constructor.
 */
public final class SourceLine {
    /** The file name, or {@code topic-partition}. */
    public String source;
    /** The 1-based line number, or the Kafka offset. */
    public long position;
    /** The record's JSON text, or null when it could not be read. */
    public String text;
    /** Why it could not be read (invalid UTF-8, too long), or null. */
    public String error;

    /** For Flink's serializer. */
    public SourceLine() {
    }

    /**
     * @param source where it came from
     * @param position its line number or offset
     * @param text its JSON text, or null
     * @param error why it could not be read, or null
     */
    public SourceLine(String source, long position, String text, String error) {
        this.source = source;
        this.position = position;
        this.text = text;
        this.error = error;
    }

    /**
     * @param r a record read by the engine's line reader
     * @return the same record
     */
    public static SourceLine of(RawRecord r) {
        return new SourceLine(r.source(), r.line(), r.text(), r.error());
    }

    /** @return the record as the engine's tag run takes it */
    public RawRecord toRaw() {
        return text != null ? RawRecord.json(source, position, text) : RawRecord.failed(source, position, error);
    }
}
