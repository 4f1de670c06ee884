package org.promptcensus.core.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal stacked bars: one bar per group (a model, a size bucket), one segment per facet value
 * (a category), its width proportional to the value. On a share scale (the default) a full bar is
 * 100%; a gap at the end of a bar is traffic not shown (suppressed cells). Each segment is a
 * {@code <rect class="seg">} with a tooltip; wide segments are labelled with their percentage.
 * Not thread-safe: configure, then render.
 */
public final class StackedBarChart {
    /** Width of the view box. */
    public static final double WIDTH = 1120;
    /** Left margin: the bar labels. */
    public static final double LEFT = 250;
    /** Right margin: the bar notes (totals). */
    public static final double RIGHT = 110;
    /** Width of a full bar. */
    public static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;

    private static final double TOP = 30;
    private static final double BAR = 24;
    private static final double GAP = 12;
    private static final double BOTTOM = 42;
    private static final int LABEL_CHARS = 36;

    /**
     * One segment of a bar.
     *
     * @param key the facet value (its colour comes from {@link Palette#of})
     * @param value its size, on the chart's scale
     * @param tooltip what hovering shows
     */
    public record Segment(String key, double value, String tooltip) {
    }

    /**
     * One bar.
     *
     * @param label the group, on the left
     * @param note a note on the right (e.g. the group's tokens), or null
     * @param segments its segments, in stacking order
     */
    public record Bar(String label, String note, List<Segment> segments) {
    }

    private final String name;
    private final String label;
    private double max = 1.0;
    private boolean shares = true;
    private DoubleFunction<String> tickFormat = Fmt::pct0;
    private DoubleFunction<String> segmentFormat = Fmt::pct0;
    private String axisTitle = "share of tokens";

    /**
     * @param name the chart's {@code data-chart} name
     * @param label its title (tooltip and accessible label)
     */
    public StackedBarChart(String name, String label) {
        this.name = name;
        this.label = label;
    }

    /**
     * Uses an absolute scale instead of shares.
     *
     * @param maxValue the value of a full-width bar (0: the longest bar, rounded up)
     * @param format formats ticks and segment labels
     * @return this
     */
    public StackedBarChart absolute(double maxValue, DoubleFunction<String> format) {
        this.max = maxValue;
        this.shares = false;
        this.tickFormat = format;
        this.segmentFormat = format;
        return this;
    }

    /**
     * @param title the axis title, under the axis
     * @return this
     */
    public StackedBarChart axisTitle(String title) {
        this.axisTitle = title;
        return this;
    }

    /**
     * @param bars the bars, top to bottom
     * @return the chart
     */
    public Svg render(List<Bar> bars) {
        double scaleMax = max;
        List<Double> ticks;
        if (shares) {
            ticks = Axis.shareTicks();
        } else {
            double longest = bars.stream().mapToDouble(b -> b.segments().stream().mapToDouble(Segment::value).sum()).max().orElse(1);
            ticks = Axis.niceTicks(scaleMax > 0 ? scaleMax : longest, 5);
            scaleMax = ticks.get(ticks.size() - 1);
        }
        double height = TOP + bars.size() * (BAR + GAP) - GAP + BOTTOM;
        Svg svg = Svg.chart(name, WIDTH, height, label);
        double plotBottom = TOP + bars.size() * (BAR + GAP) - GAP;
        Svg grid = Svg.el("g").attr("class", "axis");
        for (double t : ticks) {
            double x = LEFT + PLOT_WIDTH * t / scaleMax;
            grid.add(Svg.line(x, TOP - 6, x, plotBottom + 4).attr("class", "grid"));
            grid.add(Svg.text(x, TOP - 12, tickFormat.apply(t)).attr("class", "tick").attr("text-anchor", "middle"));
        }
        grid.add(Svg.text(LEFT + PLOT_WIDTH / 2, plotBottom + 30, axisTitle).attr("class", "axis-title").attr("text-anchor", "middle"));
        svg.add(grid);
        double y = TOP;
        for (Bar bar : bars) {
            Svg g = Svg.el("g").attr("class", "bar");
            Svg name = Svg.text(LEFT - 10, y + BAR / 2 + 4, Fmt.cut(bar.label(), LABEL_CHARS)).attr("class", "bar-label")
                    .attr("text-anchor", "end");
            if (bar.label().length() > LABEL_CHARS) {
                name.title(bar.label());
            }
            g.add(name);
            g.add(Svg.rect(LEFT, y, PLOT_WIDTH, BAR).attr("class", "track"));
            double x = LEFT;
            for (Segment s : bar.segments()) {
                if (!(s.value() > 0)) {
                    continue;
                }
                double w = PLOT_WIDTH * s.value() / scaleMax;
                String colour = Palette.of(s.key());
                g.add(Svg.rect(x, y, w, BAR).attr("class", "seg").attr("fill", colour).attr("data-key", s.key())
                        .attr("data-value", s.value()).title(s.tooltip()));
                String text = segmentFormat.apply(s.value());
                if (w >= 9 + 6.5 * text.length()) {
                    g.add(Svg.text(x + w / 2, y + BAR / 2 + 4, text).attr("class", "seg-label").attr("text-anchor", "middle")
                            .attr("fill", Palette.textOn(colour)).attr("pointer-events", "none"));
                }
                x += w;
            }
            if (bar.note() != null) {
                g.add(Svg.text(LEFT + PLOT_WIDTH + 10, y + BAR / 2 + 4, bar.note()).attr("class", "bar-note"));
            }
            svg.add(g);
            y += BAR + GAP;
        }
        return svg;
    }
}
