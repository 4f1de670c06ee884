package org.promptcensus.flink;

import java.util.List;

/**
 * Consecutive input records that travel and are tagged together: the engine matches a batch of
 * requests for little more than the cost of one (the same chunking as {@code census tag}). The file
 * reader fills chunks; a Kafka record is a chunk of one. A Flink POJO.
 */
public final class SourceChunk {
    /** The records, in input order. */
    public SourceLine[] lines;

    /** For Flink's serializer. */
    public SourceChunk() {
    }

    /** @param lines the records, in input order */
    public SourceChunk(SourceLine[] lines) {
        this.lines = lines;
    }

    /**
     * @param lines the records
     * @return a chunk of them
     */
    public static SourceChunk of(List<SourceLine> lines) {
        return new SourceChunk(lines.toArray(new SourceLine[0]));
    }
}
