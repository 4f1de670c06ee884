package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/**
 * A format whose records stand alone: each JSON record of each input (JSON Lines, a JSON array,
 * or pretty-printed objects) is converted by {@link #convert} into zero or more requests.
 * Inputs are read one after the other, streaming. Thread-safe: each read has its own state.
 */
abstract class JsonFormat implements InputFormat {

    /**
     * Converts one record.
     *
     * @param node the record
     * @param out receives its requests and failures
     */
    abstract void convert(JsonNode node, Out out);

    /**
     * Opens one input as records; formats that also read CSV override it.
     *
     * @param source the input
     * @return its records
     * @throws IOException when it cannot be read
     */
    RecordSource open(InputSource source) throws IOException {
        JsonReader r = new JsonReader(source.stream());
        return new RecordSource() {
            @Override
            public JsonReader.Item next() throws IOException {
                return r.next();
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    /** The records of one input. */
    interface RecordSource extends AutoCloseable {
        /** @return the next record, or null at the end @throws IOException on failure */
        JsonReader.Item next() throws IOException;

        @Override
        void close() throws IOException;
    }

    @Override
    public RecordStream read(List<InputSource> inputs) throws IOException {
        List<InputSource> todo = new ArrayList<>(inputs);
        return new QueueStream() {
            private int next;
            private RecordSource current;
            private InputSource currentSource;

            @Override
            boolean fill(Deque<ReadResult> queue) throws IOException {
                while (true) {
                    if (current == null) {
                        if (next >= todo.size()) {
                            return false;
                        }
                        currentSource = todo.get(next++);
                        current = open(currentSource);
                    }
                    JsonReader.Item item = current.next();
                    if (item == null) {
                        current.close();
                        current = null;
                        continue;
                    }
                    Out out = new Out(currentSource.name(), item.line(), queue);
                    if (item.error() != null) {
                        out.fail(item.error());
                    } else {
                        out.each(() -> {
                            convert(item.node(), out);
                            return null;
                        });
                    }
                    return true;
                }
            }

            @Override
            public void close() throws IOException {
                if (current != null) {
                    current.close();
                }
                for (int i = next; i < todo.size(); i++) {
                    todo.get(i).stream().close();
                }
            }
        };
    }

    /** A record stream fed by a queue that {@link #fill} refills. */
    abstract static class QueueStream implements RecordStream {
        private final Deque<ReadResult> queue = Out.queue();
        private boolean done;

        /**
         * Adds the next results to the queue (possibly none).
         *
         * @param queue the queue
         * @return false at the end of the input
         * @throws IOException when an input cannot be read
         */
        abstract boolean fill(Deque<ReadResult> queue) throws IOException;

        @Override
        public boolean hasNext() {
            try {
                while (queue.isEmpty() && !done) {
                    done = !fill(queue);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return !queue.isEmpty();
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return queue.poll();
        }
    }
}
