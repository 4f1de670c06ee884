package org.promptcensus.server;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the sizes and durations of {@code census serve}'s options: {@code 1MB},
 * {@code 512KB}, {@code 2000000} (bytes; KB, MB and GB are powers of 1024); {@code 10s},
 * {@code 250ms}, {@code 5m}, {@code 24h}, {@code 7d}, {@code 30} (seconds). Stateless.
 */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Pattern TIME = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Units() {
    }

    /**
     * @param s a size
     * @return bytes
     * @throws IllegalArgumentException when it is not a size
     */
    public static long parseBytes(String s) {
        Matcher m = SIZE.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + s + "' (e.g. 1MB, 512KB, 1048576)");
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (u.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size too large: '" + s + "'");
        }
        return n << shift;
    }

    /**
     * @param s a duration
     * @return the duration
     * @throws IllegalArgumentException when it is not a duration
     */
    public static Duration parseDuration(String s) {
        Matcher m = TIME.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + s + "' (e.g. 10s, 250ms, 5m, 24h, 7d)");
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2) == null ? "s" : m.group(2);
        return switch (u) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /**
     * @param bytes a size
     * @return it in the largest unit that divides it (e.g. {@code 1MB}), else in bytes
     */
    public static String formatBytes(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KB";
        }
        return bytes + " bytes";
    }
}
