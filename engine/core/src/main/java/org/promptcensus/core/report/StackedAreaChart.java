package org.promptcensus.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares over time as stacked areas: one period (week) per x position, one band per series, the
 * bands stacked from the bottom in the order given; 0 to 100% on the y axis. Each band is a
 * {@code <path class="area">}; over each period lies a transparent column whose tooltip lists that
 * period's shares, so hovering anywhere shows the percentages. A single period is drawn as a flat
 * band across the plot. Behind the bands lies a grey track: where the bands stop short of 100%, the
 * rest is traffic not shown (suppressed cells). Not thread-safe: configure, then render.
 */
public final class StackedAreaChart {
    /** Width of the view box. */
    public static final double WIDTH = 1120;

    private static final double LEFT = 56;
    private static final double RIGHT = 24;
    private static final double TOP = 14;
    private static final double BOTTOM = 58;
    private static final double MIN_LABEL_GAP = 64;

    /**
     * One band.
     *
     * @param key the series (its colour comes from {@link Palette#of})
     * @param values its share in each period (0 where unknown or suppressed)
     */
    public record Series(String key, double[] values) {
    }

    private final String name;
    private final String label;
    private double height = 320;
    private String axisTitle = "week (UTC, weeks start on Monday)";
    private List<String> periodNotes;

    /**
     * @param name the chart's {@code data-chart} name
     * @param label its title (tooltip and accessible label)
     */
    public StackedAreaChart(String name, String label) {
        this.name = name;
        this.label = label;
    }

    /**
     * @param h the view box height
     * @return this
     */
    public StackedAreaChart height(double h) {
        this.height = h;
        return this;
    }

    /**
     * @param title the x axis title
     * @return this
     */
    public StackedAreaChart axisTitle(String title) {
        this.axisTitle = title;
        return this;
    }

    /**
     * @param notes one line per period added to its tooltip (e.g. its tokens), or null
     * @return this
     */
    public StackedAreaChart periodNotes(List<String> notes) {
        this.periodNotes = notes;
        return this;
    }

    /**
     * @param periods the periods, in time order ({@code yyyy-MM-dd} Mondays are shown as {@code Jun 2})
     * @param series the bands, bottom first; each has one value per period
     * @return the chart
     */
    public Svg render(List<String> periods, List<Series> series) {
        int n = periods.size();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        double bottom = TOP + plotH;
        Svg svg = Svg.chart(name, WIDTH, height, label);
        svg.add(Svg.rect(LEFT, TOP, plotW, plotH).attr("class", "track"));
        Svg axis = Svg.el("g").attr("class", "axis");
        for (double t : Axis.shareTicks()) {
            double y = bottom - plotH * t;
            axis.add(Svg.line(LEFT, y, LEFT + plotW, y).attr("class", "grid"));
            axis.add(Svg.text(LEFT - 8, y + 4, Fmt.pct0(t)).attr("class", "tick").attr("text-anchor", "end"));
        }
        svg.add(axis);
        double[] xs = new double[Math.max(n, 2)];
        if (n == 1) {
            xs[0] = LEFT;
            xs[1] = LEFT + plotW;
        } else {
            for (int i = 0; i < n; i++) {
                xs[i] = LEFT + plotW * i / (n - 1);
            }
        }
        int points = Math.max(n, 2);
        double[] base = new double[points];
        Svg bands = Svg.el("g").attr("class", "bands");
        for (Series s : series) {
            double[] top = new double[points];
            for (int i = 0; i < points; i++) {
                double v = n == 0 ? 0 : s.values()[Math.min(i, n - 1)];
                top[i] = base[i] + Math.max(0, v);
            }
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < points; i++) {
                d.append(i == 0 ? "M" : "L").append(Svg.num(xs[i])).append(',').append(Svg.num(bottom - plotH * Math.min(1, top[i])));
            }
            for (int i = points - 1; i >= 0; i--) {
                d.append('L').append(Svg.num(xs[i])).append(',').append(Svg.num(bottom - plotH * Math.min(1, base[i])));
            }
            d.append('Z');
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += s.values()[i] / n;
            }
            bands.add(Svg.el("path").attr("class", "area").attr("d", d.toString()).attr("fill", Palette.of(s.key()))
                    .attr("data-key", s.key()).title(s.key() + ": " + Fmt.pct(mean) + " on average over " + n + " periods"));
            base = top;
        }
        svg.add(bands);
        Svg cols = Svg.el("g").attr("class", "cols");
        Svg labels = Svg.el("g").attr("class", "axis");
        double step = n <= 1 ? plotW : plotW / (n - 1);
        int every = Math.max(1, (int) Math.ceil(MIN_LABEL_GAP / step));
        int lastYear = -1;
        for (int i = 0; i < n; i++) {
            double x0 = n == 1 ? LEFT : Math.max(LEFT, xs[i] - step / 2);
            double x1 = n == 1 ? LEFT + plotW : Math.min(LEFT + plotW, xs[i] + step / 2);
            cols.add(Svg.rect(x0, TOP, x1 - x0, plotH).attr("class", "col").attr("data-period", periods.get(i))
                    .title(tooltip(periods.get(i), i, series)));
            if (i % every == 0) {
                double x = n == 1 ? LEFT + plotW / 2 : xs[i];
                labels.add(Svg.line(x, bottom, x, bottom + 5).attr("class", "tick-mark"));
                labels.add(Svg.text(x, bottom + 18, Fmt.shortDay(periods.get(i))).attr("class", "tick").attr("text-anchor", "middle"));
                LocalDate d = Fmt.date(periods.get(i));
                if (d != null && d.getYear() != lastYear) {
                    labels.add(Svg.text(x, bottom + 32, String.valueOf(d.getYear())).attr("class", "tick year").attr("text-anchor", "middle"));
                    lastYear = d.getYear();
                }
            }
        }
        labels.add(Svg.text(LEFT + plotW / 2, height - 6, axisTitle).attr("class", "axis-title").attr("text-anchor", "middle"));
        svg.add(labels);
        svg.add(cols);
        return svg;
    }

    private String tooltip(String period, int i, List<Series> series) {
        LocalDate d = Fmt.date(period);
        StringBuilder sb = new StringBuilder(d == null ? period : "Week of " + Fmt.shortDay(period) + ", " + d.getYear());
        if (periodNotes != null && i < periodNotes.size() && periodNotes.get(i) != null) {
            sb.append(" \u2014 ").append(periodNotes.get(i));
        }
        List<Series> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingDouble((Series s) -> -s.values()[i]));
        for (Series s : sorted) {
            if (s.values()[i] > 0) {
                sb.append('\n').append(s.key()).append(": ").append(Fmt.pct(s.values()[i]));
            }
        }
        return sb.toString();
    }
}
