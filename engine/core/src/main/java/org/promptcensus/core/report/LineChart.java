package org.promptcensus.core.report;

import java.util.List;

/**
 * Lines of shares (0 to 100%) over equally spaced steps, such as retention curves: one
 * {@code <polyline class="line">} per series and a dot per point whose tooltip gives the value.
 * Not thread-safe: configure, then render.
 */
public final class LineChart {
    private static final double LEFT = 48;
    private static final double RIGHT = 16;
    private static final double TOP = 34;
    private static final double BOTTOM = 44;

    /**
     * One line.
     *
     * @param label the series' name (in tooltips)
     * @param colour its colour
     * @param values one share per step (null: no point there)
     * @param detail added to each point's tooltip (e.g. the cohort's size), or null
     */
    public record Series(String label, String colour, List<Double> values, String detail) {
    }

    private final String name;
    private final String label;
    private final double width;
    private final double height;
    private String heading;
    private String xTitle = "";
    private String xPrefix = "";

    /**
     * @param name the chart's {@code data-chart} name
     * @param label its title (tooltip and accessible label)
     * @param width view box width
     * @param height view box height
     */
    public LineChart(String name, String label, double width, double height) {
        this.name = name;
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /**
     * @param text a heading drawn at the top left (e.g. the model), or null
     * @return this
     */
    public LineChart heading(String text) {
        this.heading = text;
        return this;
    }

    /**
     * @param title the x axis title
     * @param stepPrefix put before each step number in tooltips (e.g. {@code month })
     * @return this
     */
    public LineChart xAxis(String title, String stepPrefix) {
        this.xTitle = title;
        this.xPrefix = stepPrefix;
        return this;
    }

    /**
     * @param series the lines
     * @return the chart
     */
    public Svg render(List<Series> series) {
        int steps = series.stream().mapToInt(s -> s.values().size()).max().orElse(1);
        double plotW = width - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        double bottom = TOP + plotH;
        Svg svg = Svg.chart(name, width, height, label);
        if (heading != null) {
            svg.add(Svg.text(LEFT, 18, Fmt.cut(heading, 60)).attr("class", "panel-title"));
        }
        Svg axis = Svg.el("g").attr("class", "axis");
        for (double t : Axis.shareTicks()) {
            double y = bottom - plotH * t;
            axis.add(Svg.line(LEFT, y, LEFT + plotW, y).attr("class", "grid"));
            axis.add(Svg.text(LEFT - 6, y + 4, Fmt.pct0(t)).attr("class", "tick").attr("text-anchor", "end"));
        }
        double step = steps <= 1 ? plotW : plotW / (steps - 1);
        int every = Math.max(1, (int) Math.ceil(24 / step));
        for (int i = 0; i < steps; i += every) {
            double x = x(i, steps, plotW);
            axis.add(Svg.text(x, bottom + 16, String.valueOf(i)).attr("class", "tick").attr("text-anchor", "middle"));
        }
        axis.add(Svg.text(LEFT + plotW / 2, height - 8, xTitle).attr("class", "axis-title").attr("text-anchor", "middle"));
        svg.add(axis);
        Svg lines = Svg.el("g").attr("class", "lines");
        for (Series s : series) {
            Svg g = Svg.el("g").attr("class", "series").attr("data-key", s.label());
            StringBuilder pts = new StringBuilder();
            Svg dots = Svg.el("g");
            for (int i = 0; i < s.values().size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    continue;
                }
                double x = x(i, steps, plotW);
                double y = bottom - plotH * Math.max(0, Math.min(1, v));
                pts.append(pts.length() == 0 ? "" : " ").append(Svg.num(x)).append(',').append(Svg.num(y));
                dots.add(Svg.el("circle").attr("class", "dot").attr("cx", x).attr("cy", y).attr("r", 3.5).attr("fill", s.colour())
                        .title(s.label() + ", " + xPrefix + i + ": " + Fmt.pct(v) + (s.detail() == null ? "" : " (" + s.detail() + ")")));
            }
            g.add(Svg.el("polyline").attr("class", "line").attr("points", pts.toString()).attr("stroke", s.colour())
                    .title(s.label() + (s.detail() == null ? "" : " (" + s.detail() + ")")));
            g.add(dots);
            lines.add(g);
        }
        svg.add(lines);
        return svg;
    }

    private static double x(int i, int steps, double plotW) {
        return LEFT + (steps <= 1 ? plotW / 2 : plotW * i / (steps - 1));
    }
}
