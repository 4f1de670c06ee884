package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/**
 * A format whose requests and results come in separate files joined by a key (a batch input and
 * its output by {@code custom_id}). Each input is classified by its first record; the result files
 * are read first (their order is not the requests' order) into drafts by key, then the request
 * files are streamed and each request is completed with its result. Results without a request
 * come last, as metadata-only requests. A single file of either kind works on its own.
 * Thread-safe: each read has its own state.
 */
abstract class JoinFormat implements InputFormat {
    /** What an input holds. */
    enum Kind { REQUESTS, RESULTS }

    /**
     * @param head the input's head
     * @return what it holds
     */
    abstract Kind kind(Head head);

    /**
     * @param root a record as read
     * @return the records it holds with their paths (by default the record itself, path empty)
     */
    List<Map.Entry<String, JsonNode>> records(JsonNode root) {
        return List.of(Map.entry("", root));
    }

    /**
     * @param node a record
     * @param kind its input's kind
     * @return its join key, or null
     */
    abstract String key(JsonNode node, Kind kind);

    /**
     * Fills a draft from a request record.
     *
     * @param node the record
     * @param path its path
     * @param d the draft
     * @return false when the record is not a request (skipped without a report)
     */
    abstract boolean request(JsonNode node, String path, Draft d);

    /**
     * Fills a draft from a result record (several results may share a key and a draft).
     *
     * @param node the record
     * @param path its path
     * @param d the draft
     */
    abstract void result(JsonNode node, String path, Draft d);

    private record Pending(String source, long line, Draft draft) {
    }

    @Override
    public RecordStream read(List<InputSource> inputs) throws IOException {
        List<InputSource> requestInputs = new ArrayList<>();
        List<InputSource> resultInputs = new ArrayList<>();
        for (InputSource in : inputs) {
            BufferedInputStream b = new BufferedInputStream(in.stream(), 1 << 16);
            b.mark(1 << 16);
            byte[] head = b.readNBytes(1 << 16);
            b.reset();
            InputSource s = new InputSource(in.name(), b);
            (kind(Head.of(new String(head, StandardCharsets.UTF_8))) == Kind.RESULTS ? resultInputs : requestInputs).add(s);
        }
        return new JsonFormat.QueueStream() {
            private final Map<String, Pending> results = new LinkedHashMap<>();
            private final List<InputSource> todo = new ArrayList<>(requestInputs);
            private boolean resultsRead;
            private int next;
            private JsonReader current;
            private String currentName;
            private Iterator<Pending> leftovers;

            @Override
            boolean fill(Deque<ReadResult> queue) throws IOException {
                if (!resultsRead) {
                    resultsRead = true;
                    readResults(queue);
                    return true;
                }
                while (leftovers == null) {
                    if (current == null) {
                        if (next >= todo.size()) {
                            leftovers = results.values().iterator();
                            break;
                        }
                        InputSource s = todo.get(next++);
                        currentName = s.name();
                        current = new JsonReader(s.stream());
                    }
                    JsonReader.Item item = current.next();
                    if (item == null) {
                        current.close();
                        current = null;
                        continue;
                    }
                    Out out = new Out(currentName, item.line(), queue);
                    if (item.error() != null) {
                        out.fail(item.error());
                        return true;
                    }
                    for (Map.Entry<String, JsonNode> e : records(item.node())) {
                        out.each(() -> {
                            Draft d = new Draft();
                            if (!request(e.getValue(), e.getKey(), d)) {
                                return null;
                            }
                            String key = key(e.getValue(), Kind.REQUESTS);
                            Pending p = key == null ? null : results.remove(key);
                            if (p != null) {
                                merge(d, p.draft());
                            }
                            return d;
                        });
                    }
                    return true;
                }
                if (leftovers.hasNext()) {
                    Pending p = leftovers.next();
                    new Out(p.source(), p.line(), queue).ok(p.draft());
                    return true;
                }
                return false;
            }

            private void readResults(Deque<ReadResult> queue) throws IOException {
                for (InputSource s : resultInputs) {
                    try (JsonReader r = new JsonReader(s.stream())) {
                        JsonReader.Item item;
                        while ((item = r.next()) != null) {
                            Out out = new Out(s.name(), item.line(), queue);
                            if (item.error() != null) {
                                out.fail(item.error());
                                continue;
                            }
                            for (Map.Entry<String, JsonNode> e : records(item.node())) {
                                long line = item.line();
                                out.each(() -> {
                                    String key = key(e.getValue(), Kind.RESULTS);
                                    if (key == null) {
                                        key = s.name() + ":" + line + ":" + e.getKey();
                                    }
                                    Pending existing = results.get(key);
                                    Draft d = existing != null ? existing.draft() : new Draft();
                                    result(e.getValue(), e.getKey(), d);
                                    if (existing == null) {
                                        results.put(key, new Pending(s.name(), line, d));
                                    }
                                    return null;
                                });
                            }
                        }
                    }
                }
            }

            @Override
            public void close() throws IOException {
                if (current != null) {
                    current.close();
                }
                for (int i = next; i < todo.size(); i++) {
                    todo.get(i).stream().close();
                }
                if (!resultsRead) {
                    for (InputSource s : resultInputs) {
                        s.stream().close();
                    }
                }
            }
        };
    }

    /** Completes a request's draft with what its result says. */
    static void merge(Draft d, Draft r) {
        d.id(r.id).model(r.model).created(r.created).user(r.user).finishReason(r.finishReason).tools(r.toolCount)
                .prompt(r.promptTokens).completion(r.completionTokens).reasoning(r.reasoningTokens).cached(r.cachedTokens)
                .cost(r.costUsd);
        if (!d.hasMessages()) {
            d.messages.addAll(r.messages);
        }
        d.nonTextParts += r.nonTextParts;
    }
}
