package org.promptcensus.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.promptcensus.core.mix.MixRow;

/**
 * The report's mix sections: each a chart, its legend and the table behind it. The use-case mix of
 * the top models, category shares by week, open/closed and origin shares by week, and the mix per
 * size bucket and per openness. Not thread-safe.
 */
final class MixSections {
    private static final List<String> OPENNESS = List.of("open", "closed", "unknown");
    private static final List<String> SIZES = List.of("<15B", "15-70B", ">70B", "unknown");

    private final ReportRows rows;
    private final int top;

    /**
     * @param rows the report's rows
     * @param top how many models the model chart shows
     */
    MixSections(ReportRows rows, int top) {
        this.rows = rows;
        this.top = top;
    }

    /** @return the top models by tokens that have at least one cell to show, largest first */
    List<String> topModels(int n) {
        Map<String, Map<String, MixRow>> byModel = ReportRows.index(rows.modelMix, MixRow::group);
        List<String> out = new ArrayList<>();
        for (MixRow t : rows.modelTotals) {
            Map<String, MixRow> cells = byModel.get(t.group());
            if (out.size() < n && cells != null && cells.values().stream().anyMatch(r -> !r.suppressed())) {
                out.add(t.group());
            }
        }
        return out;
    }

    /** @param out the page: the use-case mix of the top models */
    void modelMix(StringBuilder out) {
        List<String> models = topModels(top);
        Page.section(out, "models", models.isEmpty() ? "Use-case mix of the top models" : "Use-case mix of the top " + models.size() + " models",
                "Each bar is one model's tokens split by the primary use-case tag of its requests; models ordered by tokens.");
        mixBars(out, "model-mix", "Use-case mix of the top " + models.size() + " models by tokens", "model", models,
                rows.modelMix, ReportRows.totals(rows.modelTotals, MixRow::group), "Table: use-case shares per model");
    }

    /** @param out the page: the mix per size bucket and per openness */
    void sizeMix(StringBuilder out) {
        Page.section(out, "size", "Use cases by model size and openness",
                "Size buckets by total parameters (<15B, 15\u201370B, >70B; unknown: not disclosed or not in the catalog), "
                        + "and open against closed weights.");
        Map<String, Map<String, MixRow>> bySize = ReportRows.index(rows.sizeMix, MixRow::group);
        List<String> sizes = SIZES.stream().filter(bySize::containsKey).toList();
        out.append("<h3>By size bucket</h3>\n");
        mixBars(out, "size-mix", "Use-case mix per model size bucket", "size", sizes, rows.sizeMix,
                ReportRows.totals(rows.sizeTotals, MixRow::group), "Table: use-case shares per size bucket");
        Map<String, Map<String, MixRow>> byOpenness = ReportRows.index(rows.opennessMix, MixRow::group);
        List<String> openness = OPENNESS.stream().filter(byOpenness::containsKey).toList();
        out.append("<h3>Open vs closed weights</h3>\n");
        mixBars(out, "openness-mix", "Use-case mix of open and closed models", "weights", openness, rows.opennessMix,
                ReportRows.totals(rows.opennessTotals, MixRow::group), "Table: use-case shares of open and closed models");
    }

    private void mixBars(StringBuilder out, String chart, String label, String groupName, List<String> groups, List<MixRow> mix,
                         Map<String, MixRow> totals, String tableTitle) {
        if (groups.isEmpty()) {
            Page.empty(out, "No records to show (or every cell is below the privacy floor).");
            return;
        }
        Map<String, Map<String, MixRow>> byGroup = ReportRows.index(mix, MixRow::group);
        List<StackedBarChart.Bar> bars = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String g : groups) {
            Map<String, MixRow> cells = byGroup.getOrDefault(g, Map.of());
            MixRow total = totals.get(g);
            List<StackedBarChart.Segment> segs = new ArrayList<>();
            for (String c : rows.categories) {
                MixRow r = cells.get(c);
                if (r != null && !r.suppressed() && r.share() > 0) {
                    segs.add(new StackedBarChart.Segment(c, r.share(), tooltip(g, c, r)));
                    if (!shown.contains(c)) {
                        shown.add(c);
                    }
                }
            }
            String note = total == null || total.suppressed() ? "suppressed" : Fmt.compact(total.tokens()) + " tokens";
            bars.add(new StackedBarChart.Bar(g, note, segs));
        }
        out.append(new StackedBarChart(chart, label).axisTitle("share of the group's tokens (primary tag)").render(bars));
        out.append('\n');
        out.append(HtmlTable.legend(rows.categories.stream().filter(shown::contains).toList()));
        HtmlTable table = new HtmlTable(tableTitle);
        List<String> header = new ArrayList<>(List.of(groupName, "tokens", "requests"));
        header.addAll(rows.categories);
        table.header(header);
        for (String g : groups) {
            Map<String, MixRow> cells = byGroup.getOrDefault(g, Map.of());
            List<String> cellsHtml = new ArrayList<>(List.of(HtmlTable.text(g), HtmlTable.total(totals.get(g), rows.k, true),
                    HtmlTable.total(totals.get(g), rows.k, false)));
            for (String c : rows.categories) {
                cellsHtml.add(HtmlTable.share(cells.get(c), rows.k));
            }
            table.row(cellsHtml);
        }
        table.caption(caption(true));
        table.write(out);
    }

    private String caption(boolean categories) {
        return "Token-weighted shares" + (categories ? " of primary tags" : "") + (categories && rows.corrected ? "; under each, the share corrected for classifier errors "
                + "[95% bootstrap interval]" : "") + (rows.k > 0 ? "; cells with fewer than " + rows.k + " distinct users suppressed" : "")
                + ".";
    }

    private static String tooltip(String group, String value, MixRow r) {
        StringBuilder sb = new StringBuilder(group).append(" \u2014 ").append(value).append(": ").append(Fmt.pct(r.share()))
                .append(" of tokens\n").append(Fmt.grouped(r.tokens())).append(" tokens, ").append(Fmt.grouped(r.requests()))
                .append(" requests");
        if (r.correctedShare() != null) {
            sb.append("\ncorrected: ").append(Fmt.pct(r.correctedShare()));
            if (r.ciLow() != null) {
                sb.append(" [").append(Fmt.pct(r.ciLow())).append("\u2013").append(Fmt.pct(r.ciHigh())).append("] 95%");
            }
        }
        return sb.toString();
    }

    /** @param out the page: category shares by week */
    void categoryTrend(StringBuilder out) {
        Page.section(out, "trend", "Use cases over time",
                "Weekly share of all tokens by primary use-case tag. Hover over a week for its figures.");
        trend(out, "category-trend", "Weekly use-case shares of all tokens", rows.weeklyMix, rows.categories, 340,
                "Table: weekly use-case shares");
    }

    /** @param out the page: open vs closed and origin shares by week */
    void opennessTrend(StringBuilder out) {
        Page.section(out, "openness", "Open vs closed weights, and where models come from",
                "Weekly share of tokens served by open-weight and closed models, and by the developer's region.");
        out.append("<h3>Open vs closed weights</h3>\n");
        List<String> openness = OPENNESS.stream().filter(v -> rows.opennessWeekly.stream().anyMatch(r -> r.value().equals(v))).toList();
        trend(out, "openness-trend", "Weekly token share of open and closed models", rows.opennessWeekly, openness, 250,
                "Table: weekly shares of open and closed models");
        out.append("<h3>Origin of the developer</h3>\n");
        List<String> origins = ReportRows.orderByTokens(rows.originWeekly, List.of("US", "China", "Europe", "other"));
        trend(out, "origin-trend", "Weekly token share by the developer's region", rows.originWeekly, origins, 250,
                "Table: weekly shares by origin");
    }

    private void trend(StringBuilder out, String chart, String label, List<MixRow> mix, List<String> keys, double height,
                       String tableTitle) {
        List<String> weeks = rows.weeks;
        if (weeks.isEmpty()) {
            Page.empty(out, "No dated records: weekly charts need a created timestamp.");
            return;
        }
        Map<String, Map<String, MixRow>> byWeek = ReportRows.index(mix, MixRow::period);
        Map<String, MixRow> totals = ReportRows.totals(rows.weeklyTotals, MixRow::period);
        List<StackedAreaChart.Series> series = new ArrayList<>();
        for (String key : keys) {
            double[] v = new double[weeks.size()];
            for (int i = 0; i < weeks.size(); i++) {
                MixRow r = byWeek.getOrDefault(weeks.get(i), Map.of()).get(key);
                v[i] = r == null || r.suppressed() ? 0 : r.share();
            }
            series.add(new StackedAreaChart.Series(key, v));
        }
        List<String> notes = weeks.stream().map(w -> {
            MixRow t = totals.get(w);
            return t == null ? "no traffic" : t.suppressed() ? "suppressed" : Fmt.compact(t.tokens()) + " tokens";
        }).toList();
        out.append(new StackedAreaChart(chart, label).height(height).periodNotes(notes).render(weeks, series)).append('\n');
        out.append(HtmlTable.legend(keys));
        HtmlTable table = new HtmlTable(tableTitle);
        List<String> header = new ArrayList<>(List.of("week", "tokens", "requests"));
        header.addAll(keys);
        table.header(header);
        Function<String, Map<String, MixRow>> cells = w -> byWeek.getOrDefault(w, Map.of());
        for (String w : weeks) {
            List<String> r = new ArrayList<>(List.of(HtmlTable.text(w), HtmlTable.total(totals.get(w), rows.k, true),
                    HtmlTable.total(totals.get(w), rows.k, false)));
            for (String key : keys) {
                r.add(HtmlTable.share(cells.apply(w).get(key), rows.k));
            }
            table.row(r);
        }
        long undated = rows.data.undated();
        table.caption(caption(mix == rows.weeklyMix) + (undated > 0 ? " " + Fmt.grouped(undated) + " records without a timestamp are left out." : "")
                + " Weeks start on Monday (UTC).");
        table.write(out);
    }
}
