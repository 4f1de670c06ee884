package org.promptcensus.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-category counts over label sets: for each declared category, the records whose gold set has
 * it (support), those tagged with it (predicted) and those with both (correct). A record with no
 * gold label is a clean one: every category tagged on it is a false alarm. Accuracy is the share
 * of records whose tagged set equals the gold set; macro-F1 averages the categories that have gold
 * support.
 */
public final class MultiLabelTally implements Tally {
    private final List<String> categories;
    private final Map<String, long[]> counts = new TreeMap<>();
    private long total;
    private long exact;

    /** @param categories the categories scored (the taxonomy's, without its fallback) */
    public MultiLabelTally(List<String> categories) {
        this.categories = List.copyOf(categories);
        categories.forEach(c -> counts.put(c, new long[3]));
    }

    @Override
    public void add(Decision d) {
        total++;
        if (d.gold().equals(d.predicted())) {
            exact++;
        }
        for (String c : categories) {
            long[] n = counts.get(c);
            boolean g = d.gold().contains(c);
            boolean p = d.predicted().contains(c);
            n[0] += g ? 1 : 0;
            n[1] += p ? 1 : 0;
            n[2] += g && p ? 1 : 0;
        }
    }

    @Override
    public EvalSummary summarize(int minSupport) {
        List<CategoryScore> scores = new ArrayList<>();
        counts.forEach((c, n) -> scores.add(new CategoryScore(c, n[0], n[1], n[2])));
        return new EvalSummary(total, exact, minSupport, scores, true);
    }
}
