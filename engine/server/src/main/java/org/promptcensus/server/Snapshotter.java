package org.promptcensus.server;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots the running mix to its {@link SnapshotStore} every interval (when it changed) and once
 * more at shutdown, so a crash loses at most one interval and a clean stop loses nothing. Failures
 * are logged and counted; the previous snapshot stays intact and the next interval retries.
 *
 * <p>Thread-safe: writes are serialised on this object's lock.
 */
final class Snapshotter implements AutoCloseable {
    private final RunningMix mix;
    private final SnapshotStore store;
    private final ServerLog log;
    private final ScheduledExecutorService timer;
    private long savedChanges = -1;
    private volatile long lastSuccessMillis;
    private volatile long failures;

    /**
     * @param mix the running mix
     * @param store where it goes
     * @param interval how often
     * @param log where failures are reported
     */
    Snapshotter(RunningMix mix, SnapshotStore store, Duration interval, ServerLog log) {
        this.mix = mix;
        this.store = store;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "census-snapshot");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> save(false), ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes a snapshot when the mix changed since the last one (or always, when forced).
     *
     * @param force write even when nothing changed
     * @return true when the snapshot on disk is current
     */
    synchronized boolean save(boolean force) {
        long changes = mix.changes();
        if (!force && changes == savedChanges) {
            return true;
        }
        try {
            store.save(mix.snapshot());
            savedChanges = changes;
            lastSuccessMillis = System.currentTimeMillis();
            return true;
        } catch (IOException | RuntimeException e) {
            failures++;
            log.info("snapshot to " + store.file() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    /** @param changes the mix's changes as restored (nothing to write until it grows) */
    synchronized void restored(long changes) {
        savedChanges = changes;
    }

    /** @return when the last snapshot was written, in epoch seconds (0: never) */
    double lastSuccessSeconds() {
        return lastSuccessMillis / 1000.0;
    }

    /** @return failed snapshot writes */
    long failures() {
        return failures;
    }

    /** Stops the timer and writes the final snapshot. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save(true);
    }
}
