package org.promptcensus.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedRecordParser;

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

    private final Engine engine;
    private final RecordParser parser;
    private final int threads;
    private final boolean strict;
    private final boolean explain;
    private final TaggedRecordParser taggedParser;

    /**
     * @param engine the engine
     * @param parser the record parser
     * @param threads worker threads (1 tags on the caller's thread)
     * @param strict whether the first bad record ends the run
     * @param explain whether to collect evidence
     */
    public TagRun(Engine engine, RecordParser parser, int threads, boolean strict, boolean explain) {
        if (threads < 1) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--threads must be at least 1, got " + threads);
        }
        this.engine = engine;
        this.parser = parser;
        this.threads = threads;
        this.strict = strict;
        this.explain = explain;
        this.taggedParser = null;
    }

    private TagRun(TagRun base, TaggedRecordParser taggedParser) {
        this.engine = base.engine;
        this.parser = base.parser;
        this.threads = base.threads;
        this.strict = base.strict;
        this.explain = base.explain;
        this.taggedParser = taggedParser;
    }

    /**
     * @return a run that takes records already tagged by {@code census tag} as they are (read back,
     *         not tagged again) and tags the others
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
                deliver(process(records.next()), sink, counter);
            }
        } else {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "census-tag-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                Deque<Future<Outcome>> window = new ArrayDeque<>();
                int max = threads * 64;
                while (records.hasNext()) {
                    RawRecord raw = records.next();
                    window.add(pool.submit(() -> process(raw)));
                    if (window.size() >= max) {
                        deliver(get(window.poll()), sink, counter);
                    }
                }
                while (!window.isEmpty()) {
                    deliver(get(window.poll()), sink, counter);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return new RunSummary(counter.read, counter.tagged, counter.skipped, counter.truncated,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Outcome get(Future<Outcome> f) throws Exception {
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
        if (raw.error() != null) {
            return new Outcome.Skipped(raw, null, ErrorCode.BAD_RECORD, raw.error());
        }
        String id = null;
        try {
            Request request;
            Set<String> unknown = Set.of();
            if (raw.request() != null) {
                request = raw.request();
            } else {
                JsonNode node = parser.tree(raw.text());
                if (taggedParser != null && TaggedRecordParser.isTagged(node)) {
                    TaggedRequest pre = taggedParser.parse(node, String.valueOf(raw.line()));
                    return new Outcome.Tagged(raw, pre, Set.of(), 0);
                }
                request = parser.parse(node, String.valueOf(raw.line()));
                unknown = parser.unknownFields(node);
            }
            id = request.id();
            if (!request.hasText()) {
                return new Outcome.Skipped(raw, id, ErrorCode.NO_TEXT, "empty prompt: no user or system text");
            }
            TaggedRequest tagged = engine.tag(request, explain);
            long chars = 0;
            for (Message m : request.messages()) {
                chars += m.content().length();
            }
            return new Outcome.Tagged(raw, tagged, unknown, chars);
        } catch (CensusException e) {
            return new Outcome.Skipped(raw, id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.Skipped(raw, id, ErrorCode.INTERNAL, "internal error: " + e);
        }
    }

    private static final class Counter {
        long read;
        long tagged;
        long truncated;
        final Map<String, Long> skipped = new HashMap<>();
    }
}
