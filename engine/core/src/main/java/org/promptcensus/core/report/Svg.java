package org.promptcensus.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny builder for SVG (and HTML) elements: an element has a name, attributes in insertion order
 * and children (elements or text). Every attribute value and every text is escaped when written,
 * so strings from logs (model ids) can be put in as they are. Numbers are written with at most two
 * decimals, in the root locale.
 *
 * <p>Not thread-safe: build on one thread, then write.
 */
public final class Svg {
    /** SVG shapes written as {@code <x/>} when empty; anything else (HTML too) gets an end tag. */
    private static final java.util.Set<String> SELF_CLOSING = java.util.Set.of("rect", "line", "circle", "path", "polyline",
            "polygon", "stop", "use");

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Object> children = new ArrayList<>();

    private Svg(String name) {
        this.name = name;
    }

    /**
     * @param name an element name (a constant of our code, never from data)
     * @return a new element
     */
    public static Svg el(String name) {
        if (!name.matches("[a-zA-Z][a-zA-Z0-9:-]*")) {
            throw new IllegalArgumentException("bad element name: " + name);
        }
        return new Svg(name);
    }

    /**
     * The root of a chart: an {@code <svg>} with a view box, a {@code data-chart} name, an
     * accessible label and a {@code <title>}.
     *
     * @param chart the chart's name ({@code data-chart})
     * @param width the view box width
     * @param height the view box height
     * @param label what the chart shows (its title and aria label)
     * @return the root element
     */
    public static Svg chart(String chart, double width, double height, String label) {
        return el("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("class", "chart").attr("data-chart", chart)
                .attr("viewBox", "0 0 " + num(width) + " " + num(height)).attr("width", width).attr("height", height)
                .attr("role", "img").attr("aria-label", label).add(el("title").text(label));
    }

    /**
     * @param x left
     * @param y top
     * @param w width (negative is taken as 0)
     * @param h height (negative is taken as 0)
     * @return a {@code <rect>}
     */
    public static Svg rect(double x, double y, double w, double h) {
        return el("rect").attr("x", x).attr("y", y).attr("width", Math.max(0, w)).attr("height", Math.max(0, h));
    }

    /**
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @return a {@code <line>}
     */
    public static Svg line(double x1, double y1, double x2, double y2) {
        return el("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
    }

    /**
     * @param x the anchor's x
     * @param y the baseline's y
     * @param text the text (escaped when written)
     * @return a {@code <text>}
     */
    public static Svg text(double x, double y, String text) {
        return el("text").attr("x", x).attr("y", y).text(text);
    }

    /**
     * @param name attribute name (a constant of our code)
     * @param value its value: a number is formatted, anything else escaped as text; null leaves it out
     * @return this
     */
    public Svg attr(String name, Object value) {
        if (value != null) {
            attributes.put(name, value instanceof Number n ? num(n.doubleValue()) : value.toString());
        }
        return this;
    }

    /**
     * @param child a child element
     * @return this
     */
    public Svg add(Svg child) {
        children.add(child);
        return this;
    }

    /**
     * @param text text content (escaped when written)
     * @return this
     */
    public Svg text(String text) {
        children.add(text == null ? "" : text);
        return this;
    }

    /**
     * Adds a {@code <title>} child: browsers show it as a tooltip on hover.
     *
     * @param tooltip the tooltip
     * @return this
     */
    public Svg title(String tooltip) {
        return add(el("title").text(tooltip));
    }

    /** @return the number of child elements and texts */
    public int childCount() {
        return children.size();
    }

    /** @param out where the markup goes */
    public void write(StringBuilder out) {
        out.append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        if (children.isEmpty() && SELF_CLOSING.contains(name)) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Object c : children) {
            if (c instanceof Svg e) {
                e.write(out);
            } else {
                out.append(escape((String) c));
            }
        }
        out.append("</").append(name).append('>');
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb);
        return sb.toString();
    }

    /**
     * Escapes text for HTML and XML, in content and in quoted attributes.
     *
     * @param s a string (null gives the empty string)
     * @return it with {@code & < > " '} escaped
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\n' && c != '\t' ? "\uFFFD" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * @param v a number
     * @return it with at most two decimals, no trailing zeros
     */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return Long.toString((long) r);
        }
        String s = String.format(Locale.ROOT, "%.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
