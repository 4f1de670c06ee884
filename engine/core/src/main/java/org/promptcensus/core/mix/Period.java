package org.promptcensus.core.mix;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/** Time buckets, in UTC: the whole period, ISO weeks (named by their Monday), or calendar months. */
public enum Period {
    /** One bucket for everything. */
    ALL,
    /** Weeks starting Monday 00:00 UTC, named by the Monday's date. */
    WEEK,
    /** Calendar months, named {@code YYYY-MM}. */
    MONTH;

    /** The bucket of records without a timestamp. */
    public static final String UNDATED = "undated";

    /**
     * @param created a timestamp, or null
     * @return its bucket
     */
    public String key(Instant created) {
        if (this == ALL) {
            return "all";
        }
        if (created == null) {
            return UNDATED;
        }
        LocalDate d = created.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case MONTH -> d.toString().substring(0, 7);
            default -> "all";
        };
    }

    /**
     * @param name {@code all}, {@code week} or {@code month}
     * @return the period
     */
    public static Period parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, "unknown period '" + name + "'; use all, week or month");
        }
    }
}
