package org.promptcensus.core.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Prompt and completion token lengths per category (of the primary tag): mean and percentiles,
 * from HDR histograms (3 significant digits), so memory is fixed per category whatever the number
 * of records. Not thread-safe; merge per-thread instances.
 */
public final class LengthStats {
    private static final long MAX_TOKENS = 100_000_000L;

    private final String taxonomy;
    private final Map<String, Histogram[]> byCategory = new TreeMap<>();

    /** @param taxonomy the taxonomy whose primary tag groups the lengths */
    public LengthStats(String taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Mean and percentiles of one category.
     *
     * @param category the category
     * @param requests requests with token counts
     * @param promptMean mean prompt tokens
     * @param promptP50 median prompt tokens
     * @param promptP90 90th percentile
     * @param promptP99 99th percentile
     * @param completionMean mean completion tokens
     * @param completionP50 median completion tokens
     * @param completionP90 90th percentile
     * @param completionP99 99th percentile
     */
    public record Row(String category, long requests, double promptMean, long promptP50, long promptP90, long promptP99,
                      double completionMean, long completionP50, long completionP90, long completionP99) {
    }

    /** @param r a record; records without usage are skipped */
    public void add(MixRecord r) {
        var u = r.usage();
        if (u.promptTokens() == null && u.completionTokens() == null) {
            return;
        }
        List<org.promptcensus.api.Tag> tags = r.tags(taxonomy);
        String category = tags.isEmpty() ? "(untagged)" : tags.get(0).id();
        Histogram[] h = byCategory.computeIfAbsent(category, k -> new Histogram[] {new Histogram(MAX_TOKENS, 3), new Histogram(MAX_TOKENS, 3)});
        h[0].recordValue(clamp(u.promptTokens()));
        h[1].recordValue(clamp(u.completionTokens()));
    }

    private static long clamp(Long v) {
        return v == null ? 0 : Math.max(0, Math.min(MAX_TOKENS, v));
    }

    /** @param other totals to add */
    public void merge(LengthStats other) {
        other.byCategory.forEach((c, h) -> {
            Histogram[] mine = byCategory.computeIfAbsent(c, k -> new Histogram[] {new Histogram(MAX_TOKENS, 3), new Histogram(MAX_TOKENS, 3)});
            mine[0].add(h[0]);
            mine[1].add(h[1]);
        });
    }

    /** @return one row per category */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        byCategory.forEach((c, h) -> out.add(new Row(c, h[0].getTotalCount(), h[0].getMean(), h[0].getValueAtPercentile(50),
                h[0].getValueAtPercentile(90), h[0].getValueAtPercentile(99), h[1].getMean(), h[1].getValueAtPercentile(50),
                h[1].getValueAtPercentile(90), h[1].getValueAtPercentile(99))));
        return out;
    }
}
