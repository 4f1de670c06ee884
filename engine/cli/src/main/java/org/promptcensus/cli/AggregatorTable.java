package org.promptcensus.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.Aggregator;

/** Finds a plugin aggregator by id and prints its table (aligned text, CSV or JSON) for {@code census mix --aggregator}. Stateless. */
final class AggregatorTable {
    private AggregatorTable() {
    }

    /**
     * @param aggregators the loaded plugin aggregators
     * @param id the id asked for
     * @return that aggregator
     * @throws CensusException BAD_USAGE naming the available ids when there is none of that id
     */
    static Aggregator find(List<Aggregator> aggregators, String id) {
        return aggregators.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> new CensusException(ErrorCode.BAD_USAGE,
                "no aggregator '" + id + "'; available: " + (aggregators.isEmpty() ? "none (no plugin provides one; see `census plugins`)"
                        : String.join(", ", aggregators.stream().map(Aggregator::id).toList()))));
    }

    /**
     * @param table rows; the first holds the column names
     * @param format table, csv or json
     * @param output a file, or null for stdout
     * @param stdout standard output
     * @throws IOException when writing fails
     */
    static void print(List<List<String>> table, String format, Path output, PrintStream stdout) throws IOException {
        try (Writer out = output == null ? new OutputStreamWriter(new org.promptcensus.core.io.NonClosingOutputStream(stdout), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output)) {
            switch (format) {
                case "csv" -> csv(table, out);
                case "json" -> json(table, out);
                default -> text(table, out);
            }
            out.flush();
        }
    }

    private static void text(List<List<String>> table, Writer out) throws IOException {
        int columns = table.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean last = i == row.size() - 1;
                boolean numeric = cell.matches("-?[0-9][0-9.,]*");
                sb.append(last ? cell : numeric ? " ".repeat(width[i] - cell.length()) + cell : cell + " ".repeat(width[i] - cell.length()));
                if (!last) {
                    sb.append("  ");
                }
            }
            out.write(sb.toString().stripTrailing());
            out.write(System.lineSeparator());
        }
    }

    private static void csv(List<List<String>> table, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT);
        for (List<String> row : table) {
            p.printRecord(row);
        }
        p.flush();
    }

    private static void json(List<List<String>> table, Writer out) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
        List<String> header = table.isEmpty() ? List.of() : table.get(0);
        g.writeStartArray();
        for (List<String> row : table.subList(Math.min(1, table.size()), table.size())) {
            g.writeStartObject();
            for (int i = 0; i < row.size() && i < header.size(); i++) {
                g.writeStringField(header.get(i), row.get(i));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
        out.write(System.lineSeparator());
    }
}
