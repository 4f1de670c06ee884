package org.promptcensus.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps the records taken from each source, so that one large dataset does not dominate an
 * evaluation. The pick is deterministic (by a hash of the record id), not the first N lines.
 */
public final class SourceSampler {
    private SourceSampler() {
    }

    /**
     * @param records labelled records
     * @param maxPerSource the most records kept per source; 0 keeps all
     * @return the kept records, grouped by source in first-seen order
     */
    public static List<GoldRecord> capPerSource(List<GoldRecord> records, int maxPerSource) {
        if (maxPerSource <= 0) {
            return records;
        }
        Map<String, List<GoldRecord>> bySource = new LinkedHashMap<>();
        for (GoldRecord r : records) {
            bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r);
        }
        List<GoldRecord> out = new ArrayList<>();
        for (List<GoldRecord> group : bySource.values()) {
            group.stream().sorted(Comparator.comparingInt((GoldRecord r) -> mix(r.request().id().hashCode()))
                            .thenComparing(r -> r.request().id()))
                    .limit(maxPerSource).forEach(out::add);
        }
        return out;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
