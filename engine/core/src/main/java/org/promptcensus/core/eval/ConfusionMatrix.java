package org.promptcensus.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of (gold primary label, predicted primary tag) pairs. Not thread-safe while filled;
 * merge per-thread matrices with {@link #merge}.
 */
public final class ConfusionMatrix {
    private final Map<String, Map<String, Long>> counts = new TreeMap<>();

    /**
     * @param gold the gold label
     * @param predicted the predicted tag
     */
    public void add(String gold, String predicted) {
        counts.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1L, Long::sum);
    }

    /** @param other counts to add to these */
    public void merge(ConfusionMatrix other) {
        other.counts.forEach((g, row) -> row.forEach((p, n) -> counts.computeIfAbsent(g, k -> new TreeMap<>()).merge(p, n, Long::sum)));
    }

    /**
     * @param gold gold label
     * @param predicted predicted tag
     * @return how often that pair occurred
     */
    public long count(String gold, String predicted) {
        return counts.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0L);
    }

    /** @return every label seen as gold or predicted, sorted */
    public List<String> labels() {
        TreeSet<String> all = new TreeSet<>(counts.keySet());
        counts.values().forEach(r -> all.addAll(r.keySet()));
        return new ArrayList<>(all);
    }

    /** @return the total count */
    public long total() {
        return counts.values().stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).sum();
    }

    /**
     * @param minSupport categories with fewer gold records are listed but left out of macro-F1
     * @return the per-category scores and averages
     */
    public EvalSummary summarize(int minSupport) {
        List<CategoryScore> scores = new ArrayList<>();
        long total = 0;
        long correct = 0;
        for (String label : labels()) {
            long support = 0;
            long predicted = 0;
            for (String other : labels()) {
                support += count(label, other);
                predicted += count(other, label);
            }
            long c = count(label, label);
            scores.add(new CategoryScore(label, support, predicted, c));
            total += support;
            correct += c;
        }
        return new EvalSummary(total, correct, minSupport, scores);
    }
}
