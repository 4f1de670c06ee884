package org.promptcensus.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.taxonomy.LabelScheme;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * Evaluates an engine's tags of one taxonomy against gold labels: per-category precision, recall
 * and F1, macro and micro averages, a confusion matrix of primary tags, and the same by language
 * and by source. Records whose label for the taxonomy is unknown ({@code null}) are left out.
 * A single-label taxonomy is scored on its primary tag and records with empty labels are left out;
 * a multi-label one ({@code labels: multi-label}) is scored per category on the set of tags, and an
 * empty label list counts as "none of the categories" (see {@link MultiLabelTally}).
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
    private final boolean multiLabel;
    private final String fallback;
    private final List<String> scored;

    /**
     * @param engine the engine
     * @param taxonomy the taxonomy to evaluate
     * @param minSupport categories with fewer gold records are left out of macro-F1
     */
    public Evaluator(Engine engine, String taxonomy, int minSupport) {
        this.engine = engine;
        this.taxonomy = taxonomy;
        this.minSupport = minSupport;
        Taxonomy t = engine.taxonomies().stream().filter(x -> x.id().equals(taxonomy)).findFirst()
                .orElseThrow(() -> new CensusException(ErrorCode.BAD_USAGE, "taxonomy '" + taxonomy + "' is not loaded"));
        this.multiLabel = t.labels() == LabelScheme.MULTI;
        this.fallback = t.fallback();
        this.scored = t.categoryIds().stream().filter(c -> !c.equals(t.fallback())).toList();
    }

    /**
     * @param records gold records
     * @param threads worker threads
     * @param listener notified of mistakes (from the caller's thread), may be null
     * @return the report
     */
    public EvalReport evaluate(List<GoldRecord> records, int threads, MistakeListener listener) {
        List<GoldRecord> usable = records.stream().filter(this::usable).toList();
        List<TaggedRequest> tagged = tagAll(usable, threads);
        ConfusionMatrix confusion = new ConfusionMatrix();
        Tally all = multiLabel ? new MultiLabelTally(scored) : new PrimaryTally(confusion);
        Map<String, Tally> byLang = new TreeMap<>();
        Map<String, Tally> bySource = new TreeMap<>();
        long skipped = 0;
        for (int i = 0; i < usable.size(); i++) {
            GoldRecord g = usable.get(i);
            TaggedRequest t = tagged.get(i);
            if (t == null) {
                skipped++;
                continue;
            }
            Decision d = decide(g, t);
            all.add(d);
            if (multiLabel) {
                confusion.add(d.goldPrimary(), d.predictedPrimary());
            }
            byLang.computeIfAbsent(t.lang(), k -> newTally()).add(d);
            bySource.computeIfAbsent(g.source(), k -> newTally()).add(d);
            if (listener != null && !d.correct(multiLabel)) {
                listener.mistake(g, multiLabel ? d.predictedText(fallbackName()) : d.predictedPrimary(), t);
            }
        }
        Map<String, EvalSummary> langs = new TreeMap<>();
        byLang.forEach((k, v) -> langs.put(k, v.summarize(minSupport)));
        Map<String, EvalSummary> sources = new TreeMap<>();
        bySource.forEach((k, v) -> sources.put(k, v.summarize(minSupport)));
        return new EvalReport(taxonomy, all.summarize(minSupport), confusion, langs, sources, skipped);
    }

    /** Single-label: records with a non-empty label; multi-label: every record with a known label ([] is none). */
    private boolean usable(GoldRecord r) {
        return r.labels(taxonomy).map(l -> multiLabel || !l.isEmpty()).orElse(false);
    }

    private Tally newTally() {
        return multiLabel ? new MultiLabelTally(scored) : new PrimaryTally();
    }

    private String fallbackName() {
        return fallback != null ? fallback : "(none)";
    }

    private Decision decide(GoldRecord g, TaggedRequest t) {
        List<String> gold = g.labels(taxonomy).orElseThrow();
        Set<String> goldSet = new TreeSet<>(gold);
        Set<String> predicted = new TreeSet<>();
        t.tags(taxonomy).ifPresent(ts -> ts.tags().forEach(tag -> predicted.add(tag.id())));
        if (fallback != null) {
            goldSet.remove(fallback);
            predicted.remove(fallback);
        }
        String goldPrimary = gold.isEmpty() ? fallbackName() : gold.get(0);
        return new Decision(goldPrimary, t.primary(taxonomy).orElse("(none)"), goldSet, predicted);
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
