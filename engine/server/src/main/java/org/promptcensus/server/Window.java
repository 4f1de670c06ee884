package org.promptcensus.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time window of {@code GET /v1/mix}: {@code all} (everything since the aggregates began,
 * restarts included), or the last N hours or days ({@code 24h}, {@code 7d}) by arrival time at the
 * server, to the hour: {@code 24h} is the current hour and the 23 before it. Immutable.
 *
 * @param hours the number of hourly buckets, or 0 for {@code all}
 * @param label the window as written
 */
record Window(int hours, String label) {
    private static final Pattern SPEC = Pattern.compile("(\\d{1,6})([hd])");

    /** Everything. */
    static final Window ALL = new Window(0, "all");

    /** @return true for {@code all} */
    boolean isAll() {
        return hours == 0;
    }

    /**
     * @param spec {@code all}, {@code Nh} or {@code Nd}; null means all
     * @param retentionHours the buckets kept
     * @return the window
     * @throws ApiException 400 when it is not a window or reaches beyond the retention
     */
    static Window parse(String spec, int retentionHours) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        Matcher m = SPEC.matcher(spec.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw ApiException.badRequest("window must be 'all', 'Nh' or 'Nd' (e.g. 24h, 7d), got '" + abbreviate(spec) + "'");
        }
        long hours = Long.parseLong(m.group(1)) * (m.group(2).equals("d") ? 24 : 1);
        if (hours < 1) {
            throw ApiException.badRequest("window must be at least 1h");
        }
        if (hours > retentionHours) {
            throw ApiException.badRequest("window " + spec.trim() + " reaches beyond the server's retention of " + retentionHours
                    + "h (--retention); use a shorter window or 'all'");
        }
        return new Window((int) hours, spec.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
