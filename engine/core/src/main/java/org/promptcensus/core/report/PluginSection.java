package org.promptcensus.core.report;

/**
 * A report section holding a plugin aggregator's table as it computed it. The aggregator works on
 * tagged records without their text, so its table holds aggregates only. Thread-safe (stateless).
 */
final class PluginSection {
    private PluginSection() {
    }

    /**
     * @param out the page
     * @param table the aggregator's table
     */
    static void write(StringBuilder out, PluginTable table) {
        Page.section(out, "plugin-" + table.id(), "Plugin aggregator: " + table.id(),
                table.description() + " (from census mix --aggregator " + table.id() + ").");
        if (table.rows().size() < 2) {
            Page.empty(out, "The aggregator returned no rows.");
            return;
        }
        out.append("<div class=\"tablewrap\"><table><thead><tr>");
        for (String head : table.rows().get(0)) {
            out.append("<th>").append(HtmlTable.text(head)).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (var row : table.rows().subList(1, table.rows().size())) {
            out.append("<tr>");
            for (String cell : row) {
                boolean number = !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || ".,-+%$e ".indexOf(c) >= 0);
                out.append(number ? "<td class=\"n\">" : "<td>").append(HtmlTable.text(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }
}
