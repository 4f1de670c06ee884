package org.promptcensus.core.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Number and date formats of the report (root locale, so reports read the same everywhere). Thread-safe. */
final class Fmt {
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    private Fmt() {
    }

    /**
     * @param share a share in [0, 1]
     * @return it as a percentage with one decimal ({@code 42.1%}; {@code <0.1%} for tiny non-zero shares)
     */
    static String pct(double share) {
        if (share > 0 && share < 0.0005) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /**
     * @param share a share in [0, 1]
     * @return it as a whole percentage ({@code 42%})
     */
    static String pct0(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * @param v a count
     * @return it compact: {@code 950}, {@code 1.2K}, {@code 34K}, {@code 1.2M}, {@code 3.4B}
     */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String[] units = {"K", "M", "B", "T"};
        int u = -1;
        while (a >= 999.5 && u < units.length - 1) {
            a /= 1000;
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, a < 9.95 ? "%.1f%s" : "%.0f%s", v, units[u]);
    }

    /**
     * @param v a count
     * @return it with thousands separators ({@code 12,345})
     */
    static String grouped(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /**
     * @param isoDate a {@code yyyy-MM-dd} date (a week's Monday)
     * @return {@code Jun 2}, or the input when it is not a date
     */
    static String shortDay(String isoDate) {
        LocalDate d = date(isoDate);
        return d == null ? isoDate : SHORT_DAY.format(d);
    }

    /**
     * @param isoDate a {@code yyyy-MM-dd} date
     * @return the date, or null when it is not one
     */
    static LocalDate date(String isoDate) {
        try {
            return LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param s a label
     * @param max the longest length kept
     * @return it, cut with an ellipsis when longer
     */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
