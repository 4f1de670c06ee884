package org.promptcensus.core.mix;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes mix rows in tidy long format, as CSV or JSON: group, period, category, requests, tokens,
 * share, corrected share, CI low/high, suppressed (and tool-call and reasoning shares). Suppressed
 * cells carry no figures. Stateless.
 */
public final class MixWriter {
    /** The CSV header. */
    public static final List<String> COLUMNS = List.of("group", "period", "category", "requests", "tokens", "share",
            "corrected_share", "ci_low", "ci_high", "suppressed", "tool_share", "reasoning_share");

    /**
     * @param spec the mix spec (named in the JSON output)
     * @param rows the rows
     * @param out where to write
     * @throws IOException on failure
     */
    public void csv(MixSpec spec, List<MixRow> rows, Writer out) throws IOException {
        // Not closed here: the caller owns the writer.
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(new String[0])).get());
        {
            for (MixRow r : rows) {
                p.printRecord(r.group(), r.period(), r.value(), num(r.requests()), num(r.tokens()), num(r.share()),
                        num(r.correctedShare()), num(r.ciLow()), num(r.ciHigh()), r.suppressed(), num(r.toolShare()),
                        num(r.reasoningShare()));
            }
        }
        p.flush();
    }

    private static String num(Double v) {
        if (v == null) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @param notes run notes (records without usage, unknown models, ...)
     * @return the JSON document
     */
    public ObjectNode json(MixSpec spec, List<MixRow> rows, List<String> notes) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ObjectNode s = root.putObject("spec");
        s.put("taxonomy", spec.taxonomy());
        s.put("by", spec.by().label());
        s.put("period", spec.period().name().toLowerCase());
        s.put("facet", spec.facet().label());
        s.put("weighting", spec.weighting().name().toLowerCase());
        s.put("labels", spec.labels().name().toLowerCase());
        s.put("privacy_k", spec.privacyK());
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        ArrayNode out = root.putArray("rows");
        for (MixRow r : rows) {
            ObjectNode o = out.addObject();
            o.put("group", r.group());
            o.put("period", r.period());
            o.put("category", r.value());
            put(o, "requests", r.requests());
            put(o, "tokens", r.tokens());
            put(o, "share", r.share());
            put(o, "corrected_share", r.correctedShare());
            put(o, "ci_low", r.ciLow());
            put(o, "ci_high", r.ciHigh());
            o.put("suppressed", r.suppressed());
            put(o, "tool_share", r.toolShare());
            put(o, "reasoning_share", r.reasoningShare());
        }
        return root;
    }

    private static void put(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    /**
     * @param node a JSON document
     * @param out where to write it, indented, with a closing newline; not closed (the caller owns it)
     * @throws IOException on failure
     */
    public void write(ObjectNode node, Writer out) throws IOException {
        // Jackson closes the target by default: a caller that flushes or writes after this would fail.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, node);
        out.write('\n');
        out.flush();
    }
}
