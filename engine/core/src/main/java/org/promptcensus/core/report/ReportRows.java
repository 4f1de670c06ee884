package org.promptcensus.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.ShareCorrector;

/**
 * The rows of a report's aggregators, computed once (with the share correction on category mixes
 * when a corrector is given), and the orders the charts share: categories by tokens, weeks in time
 * order without gaps. Not thread-safe.
 */
final class ReportRows {
    final ReportData data;
    final int k;
    final boolean corrected;
    final List<MixRow> modelMix;
    final List<MixRow> modelTotals;
    final List<MixRow> sizeMix;
    final List<MixRow> opennessMix;
    final List<MixRow> sizeTotals;
    final List<MixRow> opennessTotals;
    final List<MixRow> weeklyMix;
    final List<MixRow> weeklyTotals;
    final List<MixRow> opennessWeekly;
    final List<MixRow> originWeekly;
    /** Categories, most tokens first (suppressed-only ones last). */
    final List<String> categories;
    /** Every Monday from the first week to the last. */
    final List<String> weeks;

    ReportRows(ReportData data, ShareCorrector corrector) {
        this.data = data;
        this.k = data.privacyK();
        this.corrected = corrector != null;
        this.modelMix = data.modelMix().rows(corrector);
        this.modelTotals = data.modelTotals().rows();
        this.sizeMix = data.sizeMix().rows(corrector);
        this.opennessMix = data.opennessMix().rows(corrector);
        this.sizeTotals = data.sizeTotals().rows();
        this.opennessTotals = data.opennessTotals().rows();
        this.weeklyMix = data.weeklyMix().rows(corrector);
        this.weeklyTotals = data.weeklyTotals().rows();
        this.opennessWeekly = data.opennessWeekly().rows();
        this.originWeekly = data.originWeekly().rows();
        this.categories = orderByTokens(weeklyMix, Palette.USECASE);
        this.weeks = weeks(weeklyTotals);
    }

    /**
     * @param rows rows of a mix
     * @param preferred tie-break order
     * @return their values, most tokens first; values with no visible tokens last, "unknown" at the end
     */
    static List<String> orderByTokens(List<MixRow> rows, List<String> preferred) {
        Map<String, Double> tokens = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (MixRow r : rows) {
            all.add(r.value());
            if (!r.suppressed()) {
                tokens.merge(r.value(), r.tokens(), Double::sum);
            }
        }
        List<String> out = new ArrayList<>(all);
        out.sort(Comparator.comparing((String v) -> v.equals("unknown") || v.startsWith("(") ? 1 : 0)
                .thenComparing(v -> -tokens.getOrDefault(v, 0.0))
                .thenComparing(v -> preferred.contains(v) ? preferred.indexOf(v) : Integer.MAX_VALUE)
                .thenComparing(Function.identity()));
        return out;
    }

    private static List<String> weeks(List<MixRow> totals) {
        TreeSet<LocalDate> seen = new TreeSet<>();
        for (MixRow r : totals) {
            if (!r.period().equals(Period.UNDATED)) {
                LocalDate d = Fmt.date(r.period());
                if (d != null) {
                    seen.add(d);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (seen.isEmpty()) {
            return out;
        }
        for (LocalDate d = seen.first(); !d.isAfter(seen.last()); d = d.plusWeeks(1)) {
            out.add(d.toString());
        }
        return out;
    }

    /**
     * @param rows rows of a mix
     * @param key what a row is indexed by (its group or its period)
     * @return rows by key, then by value
     */
    static Map<String, Map<String, MixRow>> index(List<MixRow> rows, Function<MixRow, String> key) {
        Map<String, Map<String, MixRow>> out = new LinkedHashMap<>();
        for (MixRow r : rows) {
            out.computeIfAbsent(key.apply(r), x -> new LinkedHashMap<>()).put(r.value(), r);
        }
        return out;
    }

    /**
     * @param totals rows of a facet-{@code all} mix
     * @param key what a row is indexed by
     * @return the single row of each key
     */
    static Map<String, MixRow> totals(List<MixRow> totals, Function<MixRow, String> key) {
        Map<String, MixRow> out = new LinkedHashMap<>();
        for (MixRow r : totals) {
            out.put(key.apply(r), r);
        }
        return out;
    }

    /** @return the number of suppressed cells across the report's mixes */
    long suppressedCells() {
        long n = 0;
        for (List<MixRow> rows : List.of(modelMix, sizeMix, opennessMix, weeklyMix, opennessWeekly, originWeekly)) {
            n += rows.stream().filter(MixRow::suppressed).count();
        }
        return n;
    }
}
