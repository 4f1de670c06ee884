package org.promptcensus.core.report;

import java.util.List;

/**
 * The table of a plugin aggregator (for instance {@code pricing}), shown as a section of the report.
 *
 * @param id the aggregator's id
 * @param description its one-line description
 * @param rows its table: the first row holds the column names
 */
public record PluginTable(String id, String description, List<List<String>> rows) {
    /** Copies the rows. */
    public PluginTable {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
