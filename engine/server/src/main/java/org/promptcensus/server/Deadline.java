package org.promptcensus.server;

import java.time.Duration;

/**
 * When a request must be answered by, on {@link System#nanoTime()}'s clock. Immutable.
 *
 * @param atNanos the deadline
 */
record Deadline(long atNanos) {
    /**
     * @param startNanos when the request arrived
     * @param timeout the request timeout
     * @return the deadline
     */
    static Deadline after(long startNanos, Duration timeout) {
        return new Deadline(startNanos + timeout.toNanos());
    }

    /** @throws ApiException 503 {@code timeout} when the deadline has passed */
    void check() {
        if (System.nanoTime() - atNanos > 0) {
            throw ApiException.unavailable("timeout", "the request took longer than the server's timeout; retry later, "
                    + "or send smaller batches");
        }
    }
}
