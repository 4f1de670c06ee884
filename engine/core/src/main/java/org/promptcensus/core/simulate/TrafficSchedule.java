package org.promptcensus.core.simulate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar of a simulated log and what the profile plants on it, day by day: how many requests
 * each day has (spread evenly over the period), each model's request share that day, and the
 * expected requests and tokens that follow. Shares are linear from {@code share.start} in the first
 * week to {@code share.end} in the last, zero on days before a model's {@code available_from}, and
 * renormalised per day (the same as per week, except in a model's release week).
 *
 * <p>Months are calendar months (UTC), numbered from the month of the first day.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrafficSchedule {
    private final TrafficProfile profile;
    private final long requests;
    private final int days;
    private final int[] monthOfDay;
    private final int months;
    /** Per day, per model: the share (renormalised). */
    private final double[][] share;

    /**
     * @param profile the profile
     * @param requests the total number of requests
     */
    public TrafficSchedule(TrafficProfile profile, long requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests < 0");
        }
        this.profile = profile;
        this.requests = requests;
        this.days = profile.weeks() * 7;
        this.monthOfDay = new int[days];
        LocalDate first = profile.start();
        int base = first.getYear() * 12 + first.getMonthValue() - 1;
        int k = profile.models().size();
        this.share = new double[days][k];
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            monthOfDay[d] = date.getYear() * 12 + date.getMonthValue() - 1 - base;
            double sum = 0;
            for (int m = 0; m < k; m++) {
                TrafficProfile.ModelProfile mp = profile.models().get(m);
                boolean available = mp.availableFrom() == null || !date.isBefore(mp.availableFrom());
                double s = available ? Math.max(0, mp.shareAt(d / 7, profile.weeks())) : 0;
                share[d][m] = s;
                sum += s;
            }
            if (sum <= 0) {
                throw new org.promptcensus.api.CensusException(org.promptcensus.api.ErrorCode.BAD_USAGE,
                        "traffic profile: no model has a share on " + date);
            }
            for (int m = 0; m < k; m++) {
                share[d][m] /= sum;
            }
        }
        this.months = monthOfDay[days - 1] + 1;
    }

    /** @return the profile */
    public TrafficProfile profile() {
        return profile;
    }

    /** @return the total number of requests */
    public long requests() {
        return requests;
    }

    /** @return the number of days */
    public int days() {
        return days;
    }

    /** @return the number of calendar months the period touches */
    public int months() {
        return months;
    }

    /**
     * @param day a day index
     * @return its date
     */
    public LocalDate date(int day) {
        return profile.start().plusDays(day);
    }

    /**
     * @param day a day index
     * @return its week index
     */
    public int week(int day) {
        return day / 7;
    }

    /**
     * @param day a day index
     * @return its month index
     */
    public int month(int day) {
        return monthOfDay[day];
    }

    /**
     * @param day a day index
     * @return the requests written that day: the total spread evenly over the days
     */
    public long requestsOn(int day) {
        return cumulative(day + 1) - cumulative(day);
    }

    private long cumulative(int day) {
        return Math.floorDiv(Math.multiplyExact(requests, (long) day), days);
    }

    /**
     * @param day a day index
     * @param model a model index (profile order)
     * @return its renormalised request share that day
     */
    public double share(int day, int model) {
        return share[day][model];
    }

    /**
     * @param day a day index
     * @param model a model index
     * @return the expected requests of the model that day
     */
    public double expected(int day, int model) {
        return requestsOn(day) * share[day][model];
    }

    /**
     * @param model a model index
     * @return the expected requests of the model over the period
     */
    public double expected(int model) {
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += expected(d, model);
        }
        return sum;
    }

    /**
     * The token-weighted mix the profile plants for a model: its request mix weighted by the mean
     * tokens (prompt plus completion) of each category, over the days the model has traffic,
     * lengths drifting by {@code growth}. A simulated log's token mix tends to this.
     *
     * @param model a model index
     * @return category id to share of tokens, in the model's mix order
     */
    public Map<String, Double> expectedTokenMix(int model) {
        TrafficProfile.ModelProfile mp = profile.models().get(model);
        Map<String, Double> tokens = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : mp.mix().entrySet()) {
            TrafficProfile.Lengths l = profile.lengths().get(e.getKey());
            double sum = 0;
            for (int d = 0; d < days; d++) {
                double n = expected(d, model);
                if (n > 0) {
                    sum += n * (l.promptMean() * profile.promptGrowth(week(d)) + l.completionMean() * profile.completionGrowth(week(d)));
                }
            }
            sum *= e.getValue();
            tokens.put(e.getKey(), sum);
            total += sum;
        }
        double t = total;
        tokens.replaceAll((c, v) -> t > 0 ? v / t : 0);
        return tokens;
    }

    /** @return the models' log ids, in profile order */
    public List<String> logIds() {
        return profile.models().stream().map(TrafficProfile.ModelProfile::logId).toList();
    }
}
