package org.promptcensus.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.promptcensus.core.mix.LengthStats;

/**
 * The lengths section: mean prompt and completion tokens per request for each category (of the
 * primary tag), with medians and tails in the table. Categories with fewer than k requests are
 * suppressed: a single request's lengths would show. Not thread-safe.
 */
final class LengthSection {
    static final String PROMPT = "prompt tokens";
    static final String COMPLETION = "completion tokens";

    private final ReportRows rows;

    /** @param rows the report's rows */
    LengthSection(ReportRows rows) {
        this.rows = rows;
    }

    /** @param out the page */
    void write(StringBuilder out) {
        Page.section(out, "lengths", "How long requests are",
                "Mean prompt and completion tokens per request, by primary use-case tag (requests with token counts only).");
        List<LengthStats.Row> all = new ArrayList<>(rows.data.lengths().rows());
        all.sort(Comparator.comparingInt((LengthStats.Row r) -> rank(r.category())).thenComparing(LengthStats.Row::category));
        List<StackedBarChart.Bar> bars = new ArrayList<>();
        for (LengthStats.Row r : all) {
            if (suppressed(r)) {
                continue;
            }
            bars.add(new StackedBarChart.Bar(r.category(), Fmt.compact(r.requests()) + " requests", List.of(
                    new StackedBarChart.Segment(PROMPT, r.promptMean(), r.category() + ": mean prompt " + Fmt.grouped(r.promptMean())
                            + " tokens (median " + Fmt.grouped(r.promptP50()) + ", p90 " + Fmt.grouped(r.promptP90()) + ")"),
                    new StackedBarChart.Segment(COMPLETION, r.completionMean(), r.category() + ": mean completion "
                            + Fmt.grouped(r.completionMean()) + " tokens (median " + Fmt.grouped(r.completionP50()) + ", p90 "
                            + Fmt.grouped(r.completionP90()) + ")"))));
        }
        if (bars.isEmpty()) {
            Page.empty(out, "No records with token counts" + (rows.k > 0 ? " in categories of at least " + rows.k + " requests." : "."));
        } else {
            out.append(new StackedBarChart("lengths", "Mean prompt and completion tokens per request, by use case")
                    .absolute(0, Fmt::compact).axisTitle("tokens per request (mean)").render(bars)).append('\n');
            out.append(HtmlTable.legend(List.of(PROMPT, COMPLETION)));
        }
        HtmlTable table = new HtmlTable("Table: token lengths per use case");
        table.header(List.of("use case", "requests", "prompt mean", "p50", "p90", "p99", "completion mean", "p50", "p90", "p99"));
        for (LengthStats.Row r : all) {
            List<String> cells = new ArrayList<>(List.of(HtmlTable.text(r.category())));
            if (suppressed(r)) {
                cells.add("<span class=\"sup\">suppressed (&lt; " + rows.k + " requests)</span>");
            } else {
                cells.addAll(List.of(Fmt.grouped(r.requests()), Fmt.grouped(r.promptMean()), Fmt.grouped(r.promptP50()),
                        Fmt.grouped(r.promptP90()), Fmt.grouped(r.promptP99()), Fmt.grouped(r.completionMean()),
                        Fmt.grouped(r.completionP50()), Fmt.grouped(r.completionP90()), Fmt.grouped(r.completionP99())));
            }
            table.row(cells);
        }
        table.caption("Tokens per request as logged (usage); percentiles from HDR histograms (3 significant digits).");
        table.write(out);
    }

    private boolean suppressed(LengthStats.Row r) {
        return rows.k > 0 && r.requests() < rows.k;
    }

    private int rank(String category) {
        int i = rows.categories.indexOf(category);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
