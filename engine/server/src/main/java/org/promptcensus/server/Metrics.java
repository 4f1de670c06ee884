package org.promptcensus.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;

/**
 * The server's Prometheus metrics: HTTP requests by endpoint, method and status; a latency
 * histogram per endpoint (HdrHistogram, 1 µs to 60 s, 3 significant digits, exposed as cumulative
 * buckets plus p50/p99/p99.9); tags assigned by taxonomy and category; errors by code; internal
 * errors; and gauges registered by the server (in flight, queued, ready, ...). Labels are bounded:
 * unknown paths count as {@code other}.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s; latencies go to HdrHistogram {@link Recorder}s
 * (wait-free recording) and are folded into a cumulative histogram under a lock when scraped.
 */
final class Metrics {
    /** The endpoints counted by name. */
    static final List<String> ENDPOINTS = List.of("/v1/tag", "/v1/tag/batch", "/v1/events", "/v1/mix", "/v1/taxonomies",
            "/healthz", "/readyz", "/metrics", "/openapi.json");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long MAX_MICROS = 60_000_000L;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Latency> latency = new ConcurrentHashMap<>();
    private final Latency tagLatency = new Latency();
    private final Map<String, LongAdder> tags = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder internal = new LongAdder();
    private final LongAdder tagged = new LongAdder();
    private final LongAdder aggregated = new LongAdder();
    private final Map<String, Gauge> gauges = new java.util.concurrent.ConcurrentSkipListMap<>();

    private record Gauge(String help, DoubleSupplier value) {
    }

    /** One endpoint's latencies. */
    private static final class Latency {
        private final Recorder recorder = new Recorder(MAX_MICROS, 3);
        private final LongAdder sumMicros = new LongAdder();
        private final Histogram total = new Histogram(MAX_MICROS, 3);
        private Histogram interval;

        void record(long micros) {
            long v = Math.max(1, Math.min(MAX_MICROS, micros));
            recorder.recordValue(v);
            sumMicros.add(v);
        }

        synchronized Histogram cumulative() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            return total.copy();
        }
    }

    /**
     * @param path the request path
     * @param method the HTTP method
     * @param status the answer's status
     * @param micros how long it took
     */
    void observe(String path, String method, int status, long micros) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String endpoint = ENDPOINTS.contains(p) ? p : "other";
        String m = METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(endpoint + '\u0000' + m + '\u0000' + status, k -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, k -> new Latency()).record(micros);
    }

    /** @param nanos how long one {@code Engine.tag} call took */
    void tagTime(long nanos) {
        tagLatency.record(Math.max(1, nanos / 1000));
    }

    /** @param t a tagged request whose tags are counted */
    void tagged(TaggedRequest t) {
        tagged.increment();
        for (TagSet set : t.tagSets()) {
            for (Tag tag : set.tags()) {
                tags.computeIfAbsent(set.taxonomy() + '\u0000' + tag.id(), k -> new LongAdder()).increment();
            }
        }
    }

    /** @param n records added to the running mix */
    void aggregated(int n) {
        aggregated.add(n);
    }

    /** @param code an error answered */
    void error(String code) {
        errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** Counts a 500: a bug. */
    void internalError() {
        internal.increment();
    }

    /** @return 500s answered so far */
    long internalErrors() {
        return internal.sum();
    }

    /**
     * @param name a metric name
     * @param help its description
     * @param value read at each scrape
     */
    void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    /** @return the metrics in Prometheus text format 0.0.4 */
    String render() {
        StringBuilder sb = new StringBuilder(8192);
        header(sb, "census_http_requests_total", "HTTP requests by endpoint, method and status.", "counter");
        new TreeMap<>(requests).forEach((k, v) -> {
            String[] p = k.split("\u0000");
            sb.append("census_http_requests_total{endpoint=\"").append(esc(p[0])).append("\",method=\"").append(p[1])
                    .append("\",status=\"").append(p[2]).append("\"} ").append(v.sum()).append('\n');
        });
        header(sb, "census_http_request_duration_seconds", "Time from the request's arrival to its answer, by endpoint.", "histogram");
        Map<String, Histogram> snapshots = new TreeMap<>();
        new TreeMap<>(latency).forEach((endpoint, l) -> {
            Histogram h = l.cumulative();
            snapshots.put(endpoint, h);
            histogram(sb, "census_http_request_duration_seconds", "endpoint=\"" + esc(endpoint) + "\"", h, l.sumMicros.sum());
        });
        header(sb, "census_tag_duration_seconds", "Time spent in the engine's tag() per record (the rest of a request's time is HTTP, "
                + "JSON and queueing).", "histogram");
        Histogram th = tagLatency.cumulative();
        histogram(sb, "census_tag_duration_seconds", "", th, tagLatency.sumMicros.sum());
        header(sb, "census_http_request_duration_quantile_seconds", "Latency quantiles since start, by endpoint.", "gauge");
        snapshots.forEach((endpoint, h) -> {
            for (double q : new double[] {50, 99, 99.9}) {
                sb.append("census_http_request_duration_quantile_seconds{endpoint=\"").append(esc(endpoint)).append("\",quantile=\"")
                        .append(num(q / 100)).append("\"} ").append(num(h.getValueAtPercentile(q) / 1e6)).append('\n');
            }
        });
        header(sb, "census_tagged_requests_total", "Requests tagged (single, batch and events).", "counter");
        sb.append("census_tagged_requests_total ").append(tagged.sum()).append('\n');
        header(sb, "census_tags_total", "Tags assigned, by taxonomy and category.", "counter");
        new TreeMap<>(tags).forEach((k, v) -> {
            String[] p = k.split("\u0000");
            sb.append("census_tags_total{taxonomy=\"").append(esc(p[0])).append("\",category=\"").append(esc(p[1])).append("\"} ")
                    .append(v.sum()).append('\n');
        });
        header(sb, "census_events_aggregated_total", "Completed-request records added to the running mix.", "counter");
        sb.append("census_events_aggregated_total ").append(aggregated.sum()).append('\n');
        header(sb, "census_errors_total", "Error answers by code (bad_record, no_text, unauthorized, saturated, ...).", "counter");
        new TreeMap<>(errors).forEach((k, v) -> sb.append("census_errors_total{code=\"").append(esc(k)).append("\"} ")
                .append(v.sum()).append('\n'));
        header(sb, "census_internal_errors_total", "500 answers: bugs, logged with their stack.", "counter");
        sb.append("census_internal_errors_total ").append(internal.sum()).append('\n');
        gauges.forEach((name, g) -> {
            header(sb, name, g.help(), "gauge");
            sb.append(name).append(' ').append(num(g.value().getAsDouble())).append('\n');
        });
        return sb.toString();
    }

    private static void histogram(StringBuilder sb, String name, String labels, Histogram h, long sumMicros) {
        String sep = labels.isEmpty() ? "" : ",";
        for (double b : BUCKETS) {
            sb.append(name).append("_bucket{").append(labels).append(sep).append("le=\"").append(num(b)).append("\"} ")
                    .append(h.getCountBetweenValues(0, Math.round(b * 1e6))).append('\n');
        }
        sb.append(name).append("_bucket{").append(labels).append(sep).append("le=\"+Inf\"} ").append(h.getTotalCount()).append('\n');
        String braces = labels.isEmpty() ? "" : "{" + labels + "}";
        sb.append(name).append("_sum").append(braces).append(' ').append(num(sumMicros / 1e6)).append('\n');
        sb.append(name).append("_count").append(braces).append(' ').append(h.getTotalCount()).append('\n');
    }

    private static void header(StringBuilder sb, String name, String help, String type) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("0+$", "").replaceFirst("\\.$", "")
                .replaceFirst("0+e", "e");
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
