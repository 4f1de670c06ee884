package org.promptcensus.core.io;

import java.time.Instant;

/**
 * A fast reader for the one time form {@code census tag} writes ({@link Instant#toString()}:
 * {@code 2025-03-12T14:03:22Z}, {@code 2025-03-12T14:03:22.5Z}, up to nine fraction digits, four-digit
 * years). Reading a tagged file back spends most of its time elsewhere only when its timestamps do
 * not go through {@code java.time}'s general parsers. Anything else, or a value out of range,
 * gives null and the caller uses {@link RecordParser#time} (which accepts every form a log uses).
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalInstant {
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private CanonicalInstant() {
    }

    /**
     * @param s a string
     * @return its instant when it is in the canonical form, else null
     */
    public static Instant parse(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            // ".f" to ".fffffffff" before the Z
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int f = digits(s, 20, digits);
            if (f < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                f *= 10;
            }
            nanos = f;
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** @return the value of {@code len} ASCII digits from {@code from}, or -1 when one is not a digit */
    private static int digits(CharSequence s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 in the proleptic Gregorian calendar, for years 0 to 9999. */
    static long epochDay(int year, int month, int day) {
        long y = year - 1;
        long daysBeforeYear = 365 * y + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400);
        long dayOfYear = DAYS_BEFORE_MONTH[month - 1] + (month > 2 && leap(year) ? 1 : 0) + day - 1;
        return daysBeforeYear + dayOfYear - 719_162L; // 719,162 days from 0001-01-01 to 1970-01-01
    }
}
