package org.promptcensus.core.simulate;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line to a consumer, so that tests can read large logs without keeping them. */
final class LineSink extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineSink(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                lines.accept(pending.toString());
                pending.setLength(0);
            } else {
                pending.append(buf[i]);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        if (pending.length() > 0) {
            lines.accept(pending.toString());
            pending.setLength(0);
        }
    }

    /**
     * @param line a simulated record
     * @param field a top-level string field written before "messages"
     * @return its value
     */
    static String field(String line, String field) {
        String key = "\"" + field + "\":\"";
        int at = line.indexOf(key) + key.length();
        return line.substring(at, line.indexOf('"', at));
    }
}
