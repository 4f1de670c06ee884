package org.promptcensus.api.spi;

import java.io.IOException;
import java.util.Iterator;

/** The records of one read, in input order. Not thread-safe: one consumer. */
public interface RecordStream extends Iterator<ReadResult>, AutoCloseable {
    @Override
    void close() throws IOException;
}
