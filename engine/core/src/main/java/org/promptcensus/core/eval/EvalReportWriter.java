package org.promptcensus.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Writes an {@link EvalReport} as readable tables or as JSON. Stateless. */
public final class EvalReportWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param r the report
     * @param out where to print
     */
    public void text(EvalReport r, PrintStream out) {
        EvalSummary s = r.overall();
        out.printf("taxonomy %s: %,d records, accuracy %.3f, macro-F1 %.3f (over %d categories with >= %d records), micro-F1 %.3f%n",
                r.taxonomy(), s.total(), s.accuracy(), s.macroF1(), s.macroCategories().size(), s.minSupport(), s.microF1());
        if (s.multiLabel()) {
            out.println("multi-label: each category scored on the set of tags; an empty gold list is none (false alarms count); accuracy = exact set");
        }
        if (r.skipped() > 0) {
            out.printf("%,d records could not be tagged (no text)%n", r.skipped());
        }
        out.println();
        categories(s, out);
        out.println();
        out.println(s.multiLabel() ? "confusion matrix of primary tags (rows: gold primary, columns: predicted primary)"
                : "confusion matrix (rows: gold, columns: predicted)");
        confusion(r.confusion(), out);
        out.println();
        out.println("by language");
        groups(r.byLanguage(), out);
        out.println();
        out.println("by source");
        groups(r.bySource(), out);
    }

    private static void categories(EvalSummary s, PrintStream out) {
        out.printf("%-20s %9s %9s %9s %9s %9s%n", "category", "precision", "recall", "f1", "support", "predicted");
        for (CategoryScore c : s.categories()) {
            out.printf("%-20s %9.3f %9.3f %9.3f %9d %9d%n", c.id(), c.precision(), c.recall(), c.f1(), c.support(), c.predicted());
        }
        out.printf("%-20s %9s %9s %9.3f %9d%n", "macro avg", "", "", s.macroF1(), s.total());
        out.printf("%-20s %9s %9s %9.3f %9d%n", "micro avg", "", "", s.microF1(), s.total());
    }

    private static void confusion(ConfusionMatrix m, PrintStream out) {
        List<String> labels = m.labels();
        StringBuilder head = new StringBuilder(String.format("%-16s", ""));
        for (String l : labels) {
            head.append(String.format(" %5s", abbreviate(l)));
        }
        out.println(head);
        for (String g : labels) {
            StringBuilder row = new StringBuilder(String.format("%-16s", g.length() > 16 ? g.substring(0, 16) : g));
            for (String p : labels) {
                long n = m.count(g, p);
                row.append(String.format(" %5s", n == 0 ? "." : Long.toString(n)));
            }
            out.println(row);
        }
    }

    private static String abbreviate(String label) {
        return label.length() <= 5 ? label : label.substring(0, 5);
    }

    private static void groups(Map<String, EvalSummary> groups, PrintStream out) {
        out.printf("%-40s %9s %9s %9s%n", "group", "records", "accuracy", "macro-F1");
        groups.forEach((k, v) -> out.printf("%-40s %9d %9.3f %9.3f%n", k.length() > 40 ? k.substring(0, 40) : k, v.total(), v.accuracy(), v.macroF1()));
    }

    /**
     * @param r the report
     * @return it as a JSON tree
     */
    public ObjectNode toJson(EvalReport r) {
        ObjectNode root = json.createObjectNode();
        root.put("taxonomy", r.taxonomy());
        root.put("skipped", r.skipped());
        root.set("overall", summary(r.overall()));
        ObjectNode conf = root.putObject("confusion");
        List<String> labels = r.confusion().labels();
        ArrayNode ls = conf.putArray("labels");
        labels.forEach(ls::add);
        ArrayNode rows = conf.putArray("counts");
        for (String g : labels) {
            ArrayNode row = rows.addArray();
            for (String p : labels) {
                row.add(r.confusion().count(g, p));
            }
        }
        ObjectNode langs = root.putObject("by_language");
        r.byLanguage().forEach((k, v) -> langs.set(k, summary(v)));
        ObjectNode sources = root.putObject("by_source");
        r.bySource().forEach((k, v) -> sources.set(k, summary(v)));
        return root;
    }

    /**
     * @param r the report
     * @param out where to print the JSON
     */
    public void json(EvalReport r, PrintStream out) {
        try {
            out.println(json.writeValueAsString(toJson(r)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode summary(EvalSummary s) {
        ObjectNode o = json.createObjectNode();
        o.put("records", s.total());
        o.put("accuracy", round(s.accuracy()));
        o.put("macro_f1", round(s.macroF1()));
        o.put("micro_f1", round(s.microF1()));
        o.put("min_support", s.minSupport());
        o.put("multi_label", s.multiLabel());
        ArrayNode cats = o.putArray("categories");
        for (CategoryScore c : s.categories()) {
            ObjectNode n = cats.addObject();
            n.put("id", c.id());
            n.put("precision", round(c.precision()));
            n.put("recall", round(c.recall()));
            n.put("f1", round(c.f1()));
            n.put("support", c.support());
            n.put("predicted", c.predicted());
        }
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
