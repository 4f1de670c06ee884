package org.promptcensus.server;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the server reports what operators need to know: start, stop, snapshots, internal errors.
 * Lines never carry prompt text or request bodies: callers pass only their own wording, ids,
 * counts and exception class names. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ServerLog {
    /** Discards everything. */
    ServerLog NONE = line -> { };

    /** @param line one line, without prompt text */
    void info(String line);

    /**
     * @param err where to print (a {@link PrintStream} is thread-safe)
     * @return a log that prints timestamped lines {@code census: ...}
     */
    static ServerLog to(PrintStream err) {
        return line -> err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " census: " + line);
    }
}
