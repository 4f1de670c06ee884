package org.promptcensus.core.run;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The closing figures of a run.
 *
 * @param read records read
 * @param tagged records tagged
 * @param skipped records skipped, by error code
 * @param truncated records whose text was cut to the classified budget
 * @param elapsed wall time
 * @param pluginFailed tagged records that carry a {@code plugin_failed:<plugin>} warning (a plugin tagger threw on them)
 */
public record RunSummary(long read, long tagged, Map<String, Long> skipped, long truncated, Duration elapsed, long pluginFailed) {
    /** Copies the map, sorted. */
    public RunSummary {
        skipped = Map.copyOf(new TreeMap<>(skipped));
    }

    /**
     * A summary without plugin failures (the components before {@code pluginFailed} was added).
     *
     * @param read records read
     * @param tagged records tagged
     * @param skipped records skipped, by error code
     * @param truncated records whose text was cut
     * @param elapsed wall time
     */
    public RunSummary(long read, long tagged, Map<String, Long> skipped, long truncated, Duration elapsed) {
        this(read, tagged, skipped, truncated, elapsed, 0);
    }

    /** @return records skipped in all */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return records per second */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : read / s;
    }

    /** @return one line for stderr */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%,d records read, %,d tagged, %,d skipped", read, tagged, skippedTotal()));
        if (!skipped.isEmpty()) {
            sb.append(' ').append(skipped.toString().replace('=', ':'));
        }
        if (truncated > 0) {
            sb.append(String.format(", %,d truncated", truncated));
        }
        if (pluginFailed > 0) {
            sb.append(String.format(", %,d plugin_failed", pluginFailed));
        }
        sb.append(String.format(" in %.1f s (%,.0f records/s)", elapsed.toNanos() / 1e9, rate()));
        return sb.toString();
    }
}
