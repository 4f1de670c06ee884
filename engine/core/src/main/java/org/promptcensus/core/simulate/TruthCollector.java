package org.promptcensus.core.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planted truth of a simulated log, counted from what was actually written: per model, its
 * requests, tokens (prompt plus completion; reasoning is inside completion) and use-case mix by
 * requests and by tokens; and the languages of the prompts written. Written as
 * <pre>{"requests": n, "tokens": t,
 *  "models": {"&lt;log_id&gt;": {"requests": n, "tokens": t, "mix_tokens": {"roleplay": 0.41, ...}, "mix_requests": {...}}},
 *  "languages": {"en": n, ...}}</pre>
 * Models are in profile order, categories in taxonomy order (only those with requests), languages
 * sorted.
 *
 * <p>Not thread-safe: one simulation run fills it.
 */
public final class TruthCollector {
    private final List<String> models;
    private final List<String> categories;
    private final long[][] requests;
    private final long[][] tokens;
    private final Map<String, long[]> languages = new TreeMap<>();

    /**
     * Use {@link TrafficSimulator#newTruthCollector()}: indices must match the simulator's.
     *
     * @param models the models' log ids, in profile order
     * @param categories the category ids, in taxonomy order
     */
    TruthCollector(List<String> models, List<String> categories) {
        this.models = List.copyOf(models);
        this.categories = List.copyOf(categories);
        this.requests = new long[models.size()][categories.size()];
        this.tokens = new long[models.size()][categories.size()];
    }

    /**
     * Counts one written record.
     *
     * @param model its model index
     * @param category its planted category index
     * @param recordTokens its prompt plus completion tokens
     * @param lang the language of its prompt
     */
    void add(int model, int category, long recordTokens, String lang) {
        requests[model][category]++;
        tokens[model][category] += recordTokens;
        languages.computeIfAbsent(lang, k -> new long[1])[0]++;
    }

    /**
     * @param logId a model's log id
     * @return the requests written for it
     */
    public long requests(String logId) {
        return sum(requests[index(logId)]);
    }

    /**
     * @param logId a model's log id
     * @return its tokens written
     */
    public long tokens(String logId) {
        return sum(tokens[index(logId)]);
    }

    /**
     * @param logId a model's log id
     * @return category to share of its requests (categories with requests, taxonomy order)
     */
    public Map<String, Double> mixRequests(String logId) {
        return mix(requests[index(logId)]);
    }

    /**
     * @param logId a model's log id
     * @return category to share of its tokens
     */
    public Map<String, Double> mixTokens(String logId) {
        return mix(tokens[index(logId)]);
    }

    /** @return language to requests written in it, sorted */
    public Map<String, Long> languages() {
        Map<String, Long> out = new TreeMap<>();
        languages.forEach((l, n) -> out.put(l, n[0]));
        return out;
    }

    /** @return all requests counted */
    public long totalRequests() {
        long n = 0;
        for (long[] r : requests) {
            n += sum(r);
        }
        return n;
    }

    /** @return all tokens counted */
    public long totalTokens() {
        long n = 0;
        for (long[] t : tokens) {
            n += sum(t);
        }
        return n;
    }

    /**
     * Writes the summary as pretty-printed JSON.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode root = json.createObjectNode();
        root.put("requests", totalRequests());
        root.put("tokens", totalTokens());
        ObjectNode ms = root.putObject("models");
        for (String m : models) {
            ObjectNode node = ms.putObject(m);
            node.put("requests", requests(m));
            node.put("tokens", tokens(m));
            ObjectNode mt = node.putObject("mix_tokens");
            mixTokens(m).forEach((c, v) -> mt.put(c, round(v)));
            ObjectNode mr = node.putObject("mix_requests");
            mixRequests(m).forEach((c, v) -> mr.put(c, round(v)));
        }
        ObjectNode langs = root.putObject("languages");
        languages().forEach(langs::put);
        json.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private Map<String, Double> mix(long[] counts) {
        long total = sum(counts);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                out.put(categories.get(c), (double) counts[c] / total);
            }
        }
        return out;
    }

    private int index(String logId) {
        int i = models.indexOf(logId);
        if (i < 0) {
            throw new IllegalArgumentException("unknown model " + logId);
        }
        return i;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
