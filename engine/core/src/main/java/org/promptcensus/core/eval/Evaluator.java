package org.promptcensus.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;

/**
 * Evaluates an engine's primary tag of one taxonomy against gold labels: per-category precision,
 * recall and F1, macro and micro averages, a confusion matrix, and the same by language and by
 * source. Records whose label for the taxonomy is unknown ({@code null}) or empty are left out.
 *
 * <p>Thread-safe; each call is independent.
 */
public final class Evaluator {
    /** Notified of each wrong prediction, like OpenNLP's evaluation listeners. */
    @FunctionalInterface
    public interface MistakeListener {
        /**
         * @param gold the record
         * @param predicted the predicted primary tag
         * @param tagged the full result
         */
        void mistake(GoldRecord gold, String predicted, TaggedRequest tagged);
    }

    private final Engine engine;
    private final String taxonomy;
    private final int minSupport;

    /**
     * @param engine the engine
     * @param taxonomy the taxonomy to evaluate
     * @param minSupport categories with fewer gold records are left out of macro-F1
     */
    public Evaluator(Engine engine, String taxonomy, int minSupport) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.minSupport = minSupport;
        if (engine.taxonomies().stream().noneMatch(t -> t.id().equals(taxonomy))) {
            throw new CensusException(ErrorCode.BAD_USAGE, "taxonomy '" + taxonomy + "' is not loaded");
        }
    }

    /**
     * @param records gold records
     * @param threads worker threads
     * @param listener notified of mistakes (from the caller's thread), may be null
     * @return the report
     */
    public EvalReport evaluate(List<GoldRecord> records, int threads, MistakeListener listener) {
        List<GoldRecord> usable = records.stream()
                .filter(r -> r.labels(taxonomy).map(l -> !l.isEmpty()).orElse(false)).toList();
        List<TaggedRequest> tagged = tagAll(usable, threads);
        ConfusionMatrix all = new ConfusionMatrix();
        Map<String, ConfusionMatrix> byLang = new TreeMap<>();
        Map<String, ConfusionMatrix> bySource = new TreeMap<>();
        long skipped = 0;
        for (int i = 0; i < usable.size(); i++) {
            GoldRecord g = usable.get(i);
            TaggedRequest t = tagged.get(i);
            if (t == null) {
                skipped++;
                continue;
            }
            String gold = g.labels(taxonomy).orElseThrow().get(0);
            String predicted = t.primary(taxonomy).orElse("(none)");
            all.add(gold, predicted);
            byLang.computeIfAbsent(t.lang(), k -> new ConfusionMatrix()).add(gold, predicted);
            bySource.computeIfAbsent(g.source(), k -> new ConfusionMatrix()).add(gold, predicted);
            if (listener != null && !gold.equals(predicted)) {
                listener.mistake(g, predicted, t);
            }
        }
        Map<String, EvalSummary> langs = new TreeMap<>();
        byLang.forEach((k, v) -> langs.put(k, v.summarize(minSupport)));
        Map<String, EvalSummary> sources = new TreeMap<>();
        bySource.forEach((k, v) -> sources.put(k, v.summarize(minSupport)));
        return new EvalReport(taxonomy, all.summarize(minSupport), all, langs, sources, skipped);
    }

    private List<TaggedRequest> tagAll(List<GoldRecord> records, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<TaggedRequest>> futures = new ArrayList<>(records.size());
            for (GoldRecord r : records) {
                futures.add(pool.submit(() -> {
                    try {
                        return engine.tag(r.request(), false);
                    } catch (CensusException e) {
                        return null;
                    }
                }));
            }
            List<TaggedRequest> out = new ArrayList<>(records.size());
            for (Future<TaggedRequest> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CensusException(ErrorCode.INTERNAL, "evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new CensusException(ErrorCode.INTERNAL, "evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
