package org.promptcensus.core.report;

import java.util.ArrayList;
import java.util.List;
import org.promptcensus.core.mix.MixRow;

/**
 * An HTML table behind a chart, inside a {@code <details>} so the page stays short: a header row,
 * body rows of cells already rendered as HTML by the helpers here (which escape every string),
 * and a caption. Also renders chart legends. Not thread-safe.
 */
final class HtmlTable {
    private final String summary;
    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private String caption;

    /** @param summary the text of the {@code <summary>} that opens the table */
    HtmlTable(String summary) {
        this.summary = summary;
    }

    /**
     * @param cells column titles (escaped here)
     * @return this
     */
    HtmlTable header(List<String> cells) {
        cells.forEach(c -> header.add(Svg.escape(c)));
        return this;
    }

    /**
     * @param cells the row's cells as HTML (made by the helpers of this class)
     * @return this
     */
    HtmlTable row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    /**
     * @param text a note under the table (escaped here)
     * @return this
     */
    HtmlTable caption(String text) {
        this.caption = text;
        return this;
    }

    /** @return the rows added */
    int size() {
        return rows.size();
    }

    /** @param out where the {@code <details>} goes */
    void write(StringBuilder out) {
        out.append("<details class=\"table\"><summary>").append(Svg.escape(summary)).append("</summary>\n<div class=\"tablewrap\"><table>");
        if (caption != null) {
            out.append("<caption>").append(Svg.escape(caption)).append("</caption>");
        }
        out.append("<thead><tr>");
        header.forEach(h -> out.append("<th scope=\"col\">").append(h).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                out.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(r.get(i)).append(i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div></details>\n");
    }

    /**
     * @param s a string
     * @return it as an escaped cell
     */
    static String text(String s) {
        return Svg.escape(s);
    }

    /**
     * @param k the privacy floor
     * @return the cell of a suppressed figure
     */
    static String suppressed(int k) {
        return "<span class=\"sup\">suppressed (&lt; " + k + " users)</span>";
    }

    /**
     * @param r a mix row, or null when the cell does not exist
     * @param k the privacy floor
     * @return its share, with the corrected share and 95% interval when known
     */
    static String share(MixRow r, int k) {
        if (r == null) {
            return "<span class=\"none\">\u2013</span>";
        }
        if (r.suppressed()) {
            return suppressed(k);
        }
        StringBuilder sb = new StringBuilder(Fmt.pct(r.share()));
        if (r.correctedShare() != null) {
            sb.append("<span class=\"corr\" title=\"corrected share [95% interval]\">").append(Fmt.pct(r.correctedShare()));
            if (r.ciLow() != null && r.ciHigh() != null) {
                sb.append(" [").append(Fmt.pct(r.ciLow())).append("\u2013").append(Fmt.pct(r.ciHigh())).append(']');
            }
            sb.append("</span>");
        }
        return sb.toString();
    }

    /**
     * @param total a facet-{@code all} row (a group's or a week's totals), or null
     * @param k the privacy floor
     * @param tokens true for its tokens, false for its requests
     * @return the figure
     */
    static String total(MixRow total, int k, boolean tokens) {
        if (total == null) {
            return "<span class=\"none\">\u2013</span>";
        }
        if (total.suppressed()) {
            return suppressed(k);
        }
        return Fmt.grouped(tokens ? total.tokens() : total.requests());
    }

    /**
     * @param keys the legend's entries, in order
     * @return a legend: a swatch of each key's colour and its name
     */
    static String legend(List<String> keys) {
        StringBuilder sb = new StringBuilder("<ul class=\"legend\">");
        for (String key : keys) {
            sb.append("<li><span class=\"sw\" style=\"background:").append(Palette.of(key)).append("\"></span>")
                    .append(Svg.escape(key)).append("</li>");
        }
        return sb.append("</ul>\n").toString();
    }

    /**
     * @param keys entries
     * @param colours their colours, in the same order
     * @return a legend with the given colours
     */
    static String legend(List<String> keys, List<String> colours) {
        StringBuilder sb = new StringBuilder("<ul class=\"legend\">");
        for (int i = 0; i < keys.size(); i++) {
            sb.append("<li><span class=\"sw\" style=\"background:").append(Svg.escape(colours.get(i))).append("\"></span>")
                    .append(Svg.escape(keys.get(i))).append("</li>");
        }
        return sb.append("</ul>\n").toString();
    }
}
