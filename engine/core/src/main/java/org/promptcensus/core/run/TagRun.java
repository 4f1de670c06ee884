package org.promptcensus.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedLineReader;
import org.promptcensus.core.io.TaggedRecordParser;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * Reads, parses and tags a stream of records on N threads and hands the outcomes to a sink in
 * input order. A bad record becomes a {@link Outcome.Skipped} and the run goes on, unless the run
 * is strict, in which case the first bad record ends it with a {@link CensusException}.
 *
 * <p>Not thread-safe: one run, one caller. The sink is called from the caller's thread only.
 */
public final class TagRun {
    /** Receives outcomes in input order. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param outcome the next outcome
         * @throws Exception to end the run
         */
        void accept(Outcome outcome) throws Exception;
    }

    private final Supplier<Engine> engine;
    private final RecordParser parser;
    private final int threads;
    private final boolean strict;
    private final boolean explain;
    private final TaggedRecordParser taggedParser;
    private final TaggedLineReader taggedLines;

    /**
     * @param engine the engine
     * @param parser the record parser
     * @param threads worker threads (1 tags on the caller's thread)
     * @param strict whether the first bad record ends the run
     * @param explain whether to collect evidence
     */
    public TagRun(Engine engine, RecordParser parser, int threads, boolean strict, boolean explain) {
        this(() -> engine, parser, threads, strict, explain);
    }

    /**
     * A run whose engine is asked for only when a record needs tagging: reading back records that
     * are tagged already (see {@link #acceptingTagged()}) then never builds one (see {@link LazyEngine}).
     *
     * @param engine gives the engine; may be called from the run's threads, must give the same one each time
     * @param parser the record parser
     * @param threads worker threads (1 tags on the caller's thread)
     * @param strict whether the first bad record ends the run
     * @param explain whether to collect evidence
     */
    public TagRun(Supplier<Engine> engine, RecordParser parser, int threads, boolean strict, boolean explain) {
        if (threads < 1) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--threads must be at least 1, got " + threads);
        }
        this.engine = engine;
        this.parser = parser;
        this.threads = threads;
        this.strict = strict;
        this.explain = explain;
        this.taggedParser = null;
        this.taggedLines = null;
    }

    private TagRun(TagRun base, TaggedRecordParser taggedParser) {
        this.engine = base.engine;
        this.parser = base.parser;
        this.threads = base.threads;
        this.strict = base.strict;
        this.explain = base.explain;
        this.taggedParser = taggedParser;
        this.taggedLines = new TaggedLineReader();
    }

    /**
     * @return a run that takes records already tagged by {@code census tag} as they are (read back,
     *         not tagged again; the canonical shape by {@link TaggedLineReader}, others by
     *         {@link TaggedRecordParser}) and tags the others
     */
    public TagRun acceptingTagged() {
        return new TagRun(this, new TaggedRecordParser(parser));
    }

    /**
     * @param records the input
     * @param sink receives the outcomes in input order
     * @return the summary
     * @throws Exception what the sink threw, or a CensusException under {@code strict}
     */
    public RunSummary run(Iterator<RawRecord> records, Sink sink) throws Exception {
        long start = System.nanoTime();
        Counter counter = new Counter();
        if (threads == 1) {
            while (records.hasNext()) {
                for (Outcome o : processChunk(nextChunk(records))) {
                    deliver(o, sink, counter);
                }
            }
        } else {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "census-tag-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                Deque<Future<List<Outcome>>> window = new ArrayDeque<>();
                int max = threads * 4;
                while (records.hasNext()) {
                    List<RawRecord> chunk = nextChunk(records);
                    window.add(pool.submit(() -> processChunk(chunk)));
                    if (window.size() >= max) {
                        for (Outcome o : get(window.poll())) {
                            deliver(o, sink, counter);
                        }
                    }
                }
                while (!window.isEmpty()) {
                    for (Outcome o : get(window.poll())) {
                        deliver(o, sink, counter);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return new RunSummary(counter.read, counter.tagged, counter.skipped, counter.truncated,
                Duration.ofNanos(System.nanoTime() - start), counter.pluginFailed);
    }

    /** Records tagged together: lucene-monitor matches a batch for little more than one record. */
    static final int CHUNK = 32;

    private static List<RawRecord> nextChunk(Iterator<RawRecord> records) {
        List<RawRecord> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && records.hasNext()) {
            chunk.add(records.next());
        }
        return chunk;
    }

    /**
     * Parses and tags a chunk of records, the text-bearing ones in one engine batch; never throws
     * for a bad record.
     *
     * @param chunk records
     * @return their outcomes, in order
     */
    public List<Outcome> processChunk(List<RawRecord> chunk) {
        Outcome[] out = new Outcome[chunk.size()];
        List<Integer> pending = new ArrayList<>(chunk.size());
        List<Request> requests = new ArrayList<>(chunk.size());
        List<Set<String>> unknowns = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            RawRecord raw = chunk.get(i);
            Prepared p = prepare(raw);
            if (p.outcome() != null) {
                out[i] = p.outcome();
            } else {
                pending.add(i);
                requests.add(p.request());
                unknowns.add(p.unknown());
            }
        }
        if (!requests.isEmpty()) {
            List<Engine.BatchResult> results;
            try {
                results = engine.get().tagAll(requests, explain);
            } catch (RuntimeException e) {
                // A failure of the batch as a whole: tag one by one so only the bad record is lost.
                for (int i : pending) {
                    out[i] = process(chunk.get(i));
                }
                return List.of(out);
            }
            for (int k = 0; k < pending.size(); k++) {
                int i = pending.get(k);
                RawRecord raw = chunk.get(i);
                Engine.BatchResult r = results.get(k);
                out[i] = r.error() != null
                        ? new Outcome.Skipped(raw, requests.get(k).id(), r.error().code(), r.error().getMessage())
                        : new Outcome.Tagged(raw, r.tagged(), unknowns.get(k), chars(requests.get(k)));
            }
        }
        return List.of(out);
    }

    /** A record parsed and ready to tag, or already decided. */
    private record Prepared(Outcome outcome, Request request, Set<String> unknown) {
    }

    private Prepared prepare(RawRecord raw) {
        if (raw.error() != null) {
            return new Prepared(new Outcome.Skipped(raw, null, ErrorCode.BAD_RECORD, raw.error()), null, null);
        }
        String id = null;
        try {
            Request request;
            Set<String> unknown = Set.of();
            if (raw.request() != null) {
                request = raw.request();
            } else {
                if (taggedLines != null) {
                    TaggedRequest pre = taggedLines.read(raw.text(), String.valueOf(raw.line()));
                    if (pre != null) {
                        return new Prepared(new Outcome.Tagged(raw, pre, Set.of(), 0), null, null);
                    }
                }
                JsonNode node = parser.tree(raw.text());
                if (taggedParser != null && TaggedRecordParser.isTagged(node)) {
                    TaggedRequest pre = taggedParser.parse(node, String.valueOf(raw.line()));
                    return new Prepared(new Outcome.Tagged(raw, pre, Set.of(), 0), null, null);
                }
                request = parser.parse(node, String.valueOf(raw.line()));
                unknown = parser.unknownFields(node);
            }
            id = request.id();
            if (request.messages().isEmpty()) {
                return new Prepared(new Outcome.Tagged(raw, metadataOnly(request), unknown, 0), null, null);
            }
            if (!request.hasText()) {
                return new Prepared(new Outcome.Skipped(raw, id, ErrorCode.NO_TEXT, "empty prompt: no user or system text"), null, null);
            }
            return new Prepared(null, request, unknown);
        } catch (CensusException e) {
            return new Prepared(new Outcome.Skipped(raw, id, e.code(), e.getMessage()), null, null);
        } catch (RuntimeException e) {
            return new Prepared(new Outcome.Skipped(raw, id, ErrorCode.INTERNAL, "internal error: " + e), null, null);
        }
    }

    private static long chars(Request request) {
        long chars = 0;
        for (Message m : request.messages()) {
            chars += m.content().length();
        }
        return chars;
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private void deliver(Outcome o, Sink sink, Counter counter) throws Exception {
        counter.read++;
        if (o instanceof Outcome.Tagged t) {
            counter.tagged++;
            if (t.tagged().warnings().contains("text_truncated")) {
                counter.truncated++;
            }
            if (t.tagged().warnings().stream().anyMatch(w -> w.startsWith("plugin_failed:"))) {
                counter.pluginFailed++;
            }
        } else if (o instanceof Outcome.Skipped s) {
            counter.skipped.merge(s.code().name().toLowerCase(), 1L, Long::sum);
            if (strict) {
                sink.accept(o);
                throw new CensusException(s.code(), s.describe() + " (--strict)");
            }
        }
        sink.accept(o);
    }

    /**
     * Parses and tags one record; never throws for a bad record.
     *
     * @param raw the record
     * @return its outcome
     */
    public Outcome process(RawRecord raw) {
        Prepared p = prepare(raw);
        if (p.outcome() != null) {
            return p.outcome();
        }
        try {
            return new Outcome.Tagged(raw, engine.get().tag(p.request(), explain), p.unknown(), chars(p.request()));
        } catch (CensusException e) {
            return new Outcome.Skipped(raw, p.request().id(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Skipped(raw, p.request().id(), ErrorCode.INTERNAL, "internal error: " + e);
        }
    }

    /** The category of requests whose log holds no prompt text. */
    public static final String UNKNOWN_CATEGORY = "unknown";
    /** The warning such requests carry. */
    public static final String NO_PROMPT_TEXT = "no_prompt_text";

    /**
     * A request with no messages at all (a metadata-only log record: a spend-log row without stored
     * prompts, an observation without input, a span without content attributes) is not skipped:
     * it is counted under an explicit {@code unknown} use case in every taxonomy, so that mixes by
     * model, user, tokens and time still include it and show its share. An empty or blank prompt
     * (messages without text) is still a {@code NO_TEXT} skip.
     */
    private TaggedRequest metadataOnly(Request request) {
        List<TagSet> sets = new ArrayList<>();
        for (Taxonomy t : engine.get().taxonomies()) {
            sets.add(new TagSet(t.id(), List.of(Tag.of(UNKNOWN_CATEGORY, 1.0))));
        }
        return new TaggedRequest(request, "und", sets, List.of(NO_PROMPT_TEXT));
    }

    private static final class Counter {
        long read;
        long tagged;
        long truncated;
        long pluginFailed;
        final Map<String, Long> skipped = new HashMap<>();
    }
}
