package org.promptcensus.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded concurrency with a bounded queue in front of tagging: at most {@code slots} requests are
 * tagged at once, at most {@code queue} more wait (first come, first served) for a slot until their
 * deadline; anything beyond is refused at once with 503 and {@code Retry-After}, so overload costs
 * the refused requests a few microseconds instead of growing latency for everyone.
 *
 * <p>Thread-safe.
 */
final class Admission {
    private final int slots;
    private final int queue;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();

    /** A held slot; closing it frees the slot. Not thread-safe: one per request. */
    final class Permit implements AutoCloseable {
        private boolean released;

        @Override
        public void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }

    /**
     * @param slots requests tagged at once (at least 1)
     * @param queue requests that may wait for a slot (0: none)
     */
    Admission(int slots, int queue) {
        this.slots = slots;
        this.queue = queue;
        this.permits = new Semaphore(slots, true);
    }

    /**
     * Takes a slot, waiting in the queue until the deadline when none is free.
     *
     * @param deadlineNanos the request's deadline, on {@link System#nanoTime()}'s clock
     * @return the held slot
     * @throws ApiException 503 {@code saturated} when the queue is full, {@code timeout} when the
     *         deadline passes while queued
     */
    Permit enter(long deadlineNanos) {
        if (permits.tryAcquire()) {
            return new Permit();
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw ApiException.unavailable("saturated", "the server is at capacity (" + slots + " tagging, " + queue
                    + " queued); retry later");
        }
        try {
            long wait = deadlineNanos - System.nanoTime();
            if (wait > 0 && permits.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                return new Permit();
            }
            throw ApiException.unavailable("timeout", "no tagging slot became free before the request timeout; retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("shutting_down", "the server is shutting down");
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** @return requests being tagged now */
    int inFlight() {
        return slots - permits.availablePermits();
    }

    /** @return requests waiting for a slot now */
    int queued() {
        return waiting.get();
    }

    /** @return the number of slots */
    int slots() {
        return slots;
    }
}
