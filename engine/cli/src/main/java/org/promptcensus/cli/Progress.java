package org.promptcensus.cli;

import java.io.PrintStream;

/** A one-line progress display on stderr (records and rate), redrawn at most twice a second; off when stderr is not a terminal. */
final class Progress {
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long count;
    private long lastDraw;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void tick() {
        count++;
        if (!enabled || (count & 255) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw > 500_000_000L) {
            lastDraw = now;
            double s = (now - start) / 1e9;
            err.printf("\rtagging %,d records  %,.0f/s  %.0f s ", count, count / s, s);
        }
    }

    void done() {
        if (enabled && lastDraw != 0) {
            err.print("\r" + " ".repeat(60) + "\r");
        }
    }
}
