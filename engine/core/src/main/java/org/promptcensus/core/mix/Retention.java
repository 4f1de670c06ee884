package org.promptcensus.core.mix;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retention by cohort, per model: users are grouped by the month of their first use of the model;
 * for each later month N the table gives the share of the cohort active in month N, and the share
 * that lapsed for at least one month and came back by month N (the usage study's "boomerang").
 * Memory grows with (model, user) pairs: a bit per month each. Not thread-safe; merge instances.
 */
public final class Retention {
    private final Dimension by;
    private final Map<String, Map<String, BitSet>> activity = new HashMap<>();
    private YearMonth origin;

    /** @param by the grouping (usually {@link Dimension#MODEL}) */
    public Retention(Dimension by) {
        this.by = by;
    }

    /**
     * One cohort's curve.
     *
     * @param group the group (model)
     * @param cohort the month of first use
     * @param users users in the cohort
     * @param active for month offsets 0..N, the share of the cohort active in that month
     * @param returned for month offsets 0..N, the share that had lapsed at least one month before
     *                 and were active again in that month
     */
    public record Cohort(String group, YearMonth cohort, int users, List<Double> active, List<Double> returned) {
    }

    /** @param r a record; records without user or time are skipped */
    public void add(MixRecord r) {
        if (r.user() == null || r.created() == null) {
            return;
        }
        YearMonth m = YearMonth.from(r.created().atZone(ZoneOffset.UTC));
        if (origin == null) {
            origin = YearMonth.of(2000, 1);
        }
        int index = (int) (m.getYear() * 12L + m.getMonthValue() - (origin.getYear() * 12L + origin.getMonthValue()));
        if (index < 0) {
            return;
        }
        activity.computeIfAbsent(by.of(r), k -> new HashMap<>()).computeIfAbsent(r.user(), k -> new BitSet()).set(index);
    }

    /** @param other activity to add */
    public void merge(Retention other) {
        other.activity.forEach((g, users) -> users.forEach((u, bits) ->
                activity.computeIfAbsent(g, k -> new HashMap<>()).computeIfAbsent(u, k -> new BitSet()).or(bits)));
        if (origin == null) {
            origin = other.origin;
        }
    }

    /**
     * @param minUsers cohorts with fewer users are left out (privacy floor; 0 keeps all)
     * @return cohorts by group and month, curves up to the last month seen
     */
    public List<Cohort> cohorts(int minUsers) {
        List<Cohort> out = new ArrayList<>();
        int last = 0;
        for (Map<String, BitSet> users : activity.values()) {
            for (BitSet b : users.values()) {
                last = Math.max(last, b.length() - 1);
            }
        }
        for (var g : new TreeMap<>(activity).entrySet()) {
            Map<Integer, List<BitSet>> cohorts = new TreeMap<>();
            for (BitSet b : g.getValue().values()) {
                cohorts.computeIfAbsent(b.nextSetBit(0), k -> new ArrayList<>()).add(b);
            }
            for (var c : cohorts.entrySet()) {
                int start = c.getKey();
                List<BitSet> members = c.getValue();
                if (members.size() < Math.max(1, minUsers)) {
                    continue;
                }
                List<Double> active = new ArrayList<>();
                List<Double> returned = new ArrayList<>();
                for (int off = 0; start + off <= last; off++) {
                    int month = start + off;
                    int a = 0;
                    int back = 0;
                    for (BitSet b : members) {
                        if (b.get(month)) {
                            a++;
                            int prevActive = b.previousSetBit(month - 1);
                            boolean lapsed = off > 0 && prevActive >= start && prevActive < month - 1;
                            if (lapsed) {
                                back++;
                            }
                        }
                    }
                    active.add((double) a / members.size());
                    returned.add((double) back / members.size());
                }
                YearMonth cohort = origin.plusMonths(start);
                out.add(new Cohort(g.getKey(), cohort, members.size(), active, returned));
            }
        }
        return out;
    }
}
