package org.promptcensus.core.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.promptcensus.core.mix.Retention;

/**
 * The retention section: for the largest models, one small chart each with a line per cohort
 * (users grouped by the month of their first use of the model) giving the share of the cohort
 * active in month 0, 1, 2, ...; cohorts below the privacy floor are left out. Not thread-safe.
 */
final class RetentionSection {
    private static final double PANEL_W = 540;
    private static final double PANEL_H = 270;

    private final ReportRows rows;
    private final List<String> models;

    /**
     * @param rows the report's rows
     * @param models the models to chart, largest first
     */
    RetentionSection(ReportRows rows, List<String> models) {
        this.rows = rows;
        this.models = models;
    }

    /** @param out the page */
    void write(StringBuilder out) {
        Page.section(out, "retention", "Retention by cohort",
                "Users grouped by the month they first used a model (their cohort); each line is the share of a cohort active in "
                        + "each later month. Month 0 is always 100%. A line that flattens high is a cohort that found its fit.");
        Map<String, List<Retention.Cohort>> byModel = new LinkedHashMap<>();
        List<Retention.Cohort> all = rows.data.retention().cohorts(rows.k);
        for (String m : models) {
            List<Retention.Cohort> cs = all.stream().filter(c -> c.group().equals(m)).toList();
            if (!cs.isEmpty()) {
                byModel.put(m, cs);
            }
        }
        if (byModel.isEmpty()) {
            Page.empty(out, "No cohorts to show: retention needs user ids and timestamps"
                    + (rows.k > 0 ? ", and cohorts of at least " + rows.k + " users." : "."));
            return;
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        byModel.values().forEach(cs -> cs.forEach(c -> months.add(c.cohort())));
        List<YearMonth> order = new ArrayList<>(months);
        out.append(HtmlTable.legend(order.stream().map(m -> "cohort " + m).toList(),
                order.stream().map(m -> Palette.sequential(order.indexOf(m), order.size())).toList()));
        out.append("<div class=\"panels\">\n");
        int steps = 0;
        for (var e : byModel.entrySet()) {
            List<LineChart.Series> series = new ArrayList<>();
            for (Retention.Cohort c : e.getValue()) {
                series.add(new LineChart.Series("cohort " + c.cohort(), Palette.sequential(order.indexOf(c.cohort()), order.size()),
                        c.active(), Fmt.grouped(c.users()) + " users"));
                steps = Math.max(steps, c.active().size());
            }
            out.append("<figure class=\"panel\" data-group=\"").append(Svg.escape(e.getKey())).append("\">");
            out.append(new LineChart("retention", "Retention by cohort: " + e.getKey(), PANEL_W, PANEL_H).heading(e.getKey())
                    .xAxis("months since first use", "month ").render(series));
            out.append("</figure>\n");
        }
        out.append("</div>\n");
        HtmlTable table = new HtmlTable("Table: retention by cohort");
        List<String> header = new ArrayList<>(List.of("model", "cohort", "users"));
        for (int i = 0; i < steps; i++) {
            header.add("month " + i);
        }
        table.header(header);
        for (var e : byModel.entrySet()) {
            for (Retention.Cohort c : e.getValue()) {
                List<String> r = new ArrayList<>(List.of(HtmlTable.text(e.getKey()), HtmlTable.text(c.cohort().toString()),
                        Fmt.grouped(c.users())));
                for (int i = 0; i < steps; i++) {
                    r.add(i < c.active().size() ? Fmt.pct0(c.active().get(i)) : "");
                }
                table.row(r);
            }
        }
        table.caption("Share of each cohort active in month N after its first month (UTC calendar months)"
                + (rows.k > 0 ? "; cohorts of fewer than " + rows.k + " users are left out." : "."));
        table.write(out);
    }
}
