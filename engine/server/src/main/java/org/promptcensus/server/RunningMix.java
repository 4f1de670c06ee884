package org.promptcensus.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Request;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.Facet;
import org.promptcensus.core.mix.LabelMode;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRecord;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.Weighting;

/**
 * The running use-case mix of the events posted to the server, for every grouping dimension
 * (model, author, openness, ...): one {@link MixAggregator} per dimension over all time, and one
 * per dimension and hour of arrival for the last {@code retention} hours (older hours are dropped);
 * a window is read by merging its hours. Records are kept without prompt text, and user ids only as
 * {@link Pseudonyms}. Shares are token-weighted with primary labels, as {@code census mix}.
 *
 * <p>Thread-safe: all access is serialised on this object's lock; reads merge into a fresh
 * aggregator that the caller owns.
 */
final class RunningMix {
    /** The snapshot format's version. */
    static final int FORMAT = 1;

    /**
     * Everything the running mix holds, as written to disk.
     *
     * @param format the format version
     * @param taxonomy the taxonomy rolled up
     * @param privacyK the privacy floor in force when written
     * @param pseudonymKey the key of the user pseudonyms, base64
     * @param writtenAt when it was taken (ISO-8601)
     * @param changes the number of additions since the aggregates began
     * @param all all-time totals by dimension label
     * @param buckets hourly totals
     */
    record Snapshot(int format, String taxonomy, int privacyK, String pseudonymKey, String writtenAt, long changes,
                    Map<String, MixAggregator.State> all, List<Bucket> buckets) {
    }

    /**
     * @param hour hours since the epoch (UTC)
     * @param mixes totals by dimension label
     */
    record Bucket(long hour, Map<String, MixAggregator.State> mixes) {
    }

    private final String taxonomy;
    private final int privacyK;
    private final int retentionHours;
    private final Clock clock;
    private final ModelCatalog catalog;
    private final Map<Dimension, MixSpec> specs = new EnumMap<>(Dimension.class);
    private final Map<Dimension, MixAggregator> all = new EnumMap<>(Dimension.class);
    private final TreeMap<Long, Map<Dimension, MixAggregator>> buckets = new TreeMap<>();
    private Pseudonyms pseudonyms = new Pseudonyms(null);
    private long changes;

    /**
     * @param taxonomy the taxonomy rolled up
     * @param privacyK the privacy floor
     * @param retentionHours hourly buckets kept
     * @param catalog the model catalog
     * @param clock the clock of arrival times
     */
    RunningMix(String taxonomy, int privacyK, int retentionHours, ModelCatalog catalog, Clock clock) {
        this.taxonomy = taxonomy;
        this.privacyK = privacyK;
        this.retentionHours = retentionHours;
        this.catalog = catalog;
        this.clock = clock;
        for (Dimension d : Dimension.values()) {
            MixSpec spec = new MixSpec(taxonomy, d, Period.ALL, Facet.CATEGORY, Weighting.TOKENS, LabelMode.PRIMARY, privacyK);
            specs.put(d, spec);
            all.put(d, new MixAggregator(spec));
        }
    }

    /** @return the spec of a dimension's mix */
    MixSpec spec(Dimension by) {
        return specs.get(by);
    }

    /** @param records tagged records to count, arriving now */
    void add(List<TaggedRequest> records) {
        List<MixRecord> slim = new ArrayList<>(records.size());
        Pseudonyms p;
        synchronized (this) {
            p = pseudonyms;
        }
        for (TaggedRequest t : records) {
            Request r = t.request();
            Request kept = Request.builder(r.id()).model(r.model()).created(r.created()).user(p.of(r.user())).usage(r.usage())
                    .finishReason(r.finishReason()).toolCount(r.toolCount()).build();
            slim.add(new MixRecord(new TaggedRequest(kept, t.lang(), t.tagSets(), List.of()), catalog.lookup(r.model())));
        }
        long hour = clock.instant().getEpochSecond() / 3600;
        synchronized (this) {
            prune(hour);
            Map<Dimension, MixAggregator> bucket = buckets.computeIfAbsent(hour, h -> fresh());
            for (MixRecord r : slim) {
                for (Dimension d : Dimension.values()) {
                    all.get(d).add(r);
                    bucket.get(d).add(r);
                }
            }
            changes += slim.size();
        }
    }

    private Map<Dimension, MixAggregator> fresh() {
        Map<Dimension, MixAggregator> m = new EnumMap<>(Dimension.class);
        specs.forEach((d, s) -> m.put(d, new MixAggregator(s)));
        return m;
    }

    private void prune(long nowHour) {
        buckets.headMap(nowHour - retentionHours, true).clear();
    }

    /**
     * @param by the grouping
     * @param window the window
     * @return the window's totals, in an aggregator the caller owns
     */
    synchronized MixAggregator read(Dimension by, Window window) {
        MixAggregator out = new MixAggregator(specs.get(by));
        if (window.isAll()) {
            out.merge(all.get(by));
            return out;
        }
        long hour = clock.instant().getEpochSecond() / 3600;
        prune(hour);
        for (Map<Dimension, MixAggregator> b : buckets.tailMap(hour - window.hours(), false).values()) {
            out.merge(b.get(by));
        }
        return out;
    }

    /** @return records added since the aggregates began (restores included) */
    synchronized long changes() {
        return changes;
    }

    /** @return hourly buckets held */
    synchronized int bucketCount() {
        return buckets.size();
    }

    /** @return a copy of everything held */
    synchronized Snapshot snapshot() {
        Map<String, MixAggregator.State> a = new LinkedHashMap<>();
        all.forEach((d, m) -> a.put(d.label(), m.state()));
        List<Bucket> bs = new ArrayList<>();
        buckets.forEach((h, mixes) -> {
            Map<String, MixAggregator.State> s = new LinkedHashMap<>();
            mixes.forEach((d, m) -> s.put(d.label(), m.state()));
            bs.add(new Bucket(h, s));
        });
        return new Snapshot(FORMAT, taxonomy, privacyK, pseudonyms.encodedKey(), clock.instant().toString(), changes, a, bs);
    }

    /**
     * Replaces the totals by a snapshot's (buckets beyond the retention are dropped).
     *
     * @param s a snapshot
     * @throws IllegalArgumentException when it is of another format or taxonomy
     */
    synchronized void restore(Snapshot s) {
        if (s.format() != FORMAT) {
            throw new IllegalArgumentException("snapshot format " + s.format() + " is not " + FORMAT);
        }
        if (!taxonomy.equals(s.taxonomy())) {
            throw new IllegalArgumentException("the snapshot holds mixes of taxonomy '" + s.taxonomy() + "', not '" + taxonomy + "'");
        }
        pseudonyms = Pseudonyms.decode(s.pseudonymKey());
        all.clear();
        specs.forEach((d, spec) -> all.put(d, restore(spec, s.all() == null ? null : s.all().get(d.label()))));
        buckets.clear();
        for (Bucket b : s.buckets() == null ? List.<Bucket>of() : s.buckets()) {
            Map<Dimension, MixAggregator> m = new EnumMap<>(Dimension.class);
            specs.forEach((d, spec) -> m.put(d, restore(spec, b.mixes() == null ? null : b.mixes().get(d.label()))));
            buckets.put(b.hour(), m);
        }
        prune(clock.instant().getEpochSecond() / 3600);
        changes = s.changes();
    }

    private static MixAggregator restore(MixSpec spec, MixAggregator.State state) {
        try {
            return state == null ? new MixAggregator(spec) : MixAggregator.restore(spec, state);
        } catch (CensusException | NullPointerException e) {
            throw new IllegalArgumentException("a mix in the snapshot is incomplete (" + spec.by().label() + ")", e);
        }
    }
}
