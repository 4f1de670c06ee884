package org.promptcensus.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.Facet;
import org.promptcensus.core.mix.LabelMode;
import org.promptcensus.core.mix.LengthStats;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRecord;
import org.promptcensus.core.mix.MixRun;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.Retention;
import org.promptcensus.core.mix.Weighting;

/**
 * The roll-ups a report needs, all fed in one pass: the use-case mix per model, per size bucket
 * and per openness; weekly category shares; weekly openness and origin shares; model and week
 * totals; token lengths per category; retention by cohort per model; and the run's own notes
 * (time span, records without usage or user, unknown model ids with their tokens). Every mix is
 * token-weighted on primary tags, with the same privacy floor. Holds no prompt text.
 *
 * <p>Not thread-safe: one run feeds it (see {@link #feed}).
 */
public final class ReportData {
    /** At most this many distinct unknown model ids are itemised; the rest are counted together. */
    public static final int MAX_UNKNOWN_MODELS = 500;

    /**
     * An unknown model id's totals.
     *
     * @param id the logged id
     * @param tokens its tokens
     * @param requests its requests
     * @param users its distinct users, counted up to the privacy floor
     */
    public record UnknownModel(String id, long tokens, long requests, int users) {
    }

    private static final class Unknown {
        long tokens;
        long requests;
        final Set<String> users = new HashSet<>();
    }

    private final String taxonomy;
    private final int privacyK;
    private final MixAggregator modelMix;
    private final MixAggregator modelTotals;
    private final MixAggregator sizeMix;
    private final MixAggregator opennessMix;
    private final MixAggregator sizeTotals;
    private final MixAggregator opennessTotals;
    private final MixAggregator weeklyMix;
    private final MixAggregator weeklyTotals;
    private final MixAggregator opennessWeekly;
    private final MixAggregator originWeekly;
    private final LengthStats lengths;
    private final Retention retention = new Retention(Dimension.MODEL);
    private final Map<String, Unknown> unknown = new LinkedHashMap<>();
    private long unknownOverflowTokens;
    private long unknownOverflowRequests;
    private long records;
    private long tokens;
    private long undated;
    private Instant first;
    private Instant last;

    /**
     * @param taxonomy the taxonomy whose primary tags make the mixes (usually {@code usecase})
     * @param privacyK cells (and cohorts) with fewer distinct users are suppressed; 0 disables
     */
    public ReportData(String taxonomy, int privacyK) {
        this.taxonomy = taxonomy;
        this.privacyK = privacyK;
        this.modelMix = mix(Dimension.MODEL, Period.ALL, Facet.CATEGORY);
        this.modelTotals = mix(Dimension.MODEL, Period.ALL, dimension(Dimension.ALL));
        this.sizeMix = mix(Dimension.SIZE, Period.ALL, Facet.CATEGORY);
        this.opennessMix = mix(Dimension.OPENNESS, Period.ALL, Facet.CATEGORY);
        this.sizeTotals = mix(Dimension.SIZE, Period.ALL, dimension(Dimension.ALL));
        this.opennessTotals = mix(Dimension.OPENNESS, Period.ALL, dimension(Dimension.ALL));
        this.weeklyMix = mix(Dimension.ALL, Period.WEEK, Facet.CATEGORY);
        this.weeklyTotals = mix(Dimension.ALL, Period.WEEK, dimension(Dimension.ALL));
        this.opennessWeekly = mix(Dimension.ALL, Period.WEEK, dimension(Dimension.OPENNESS));
        this.originWeekly = mix(Dimension.ALL, Period.WEEK, dimension(Dimension.ORIGIN));
        this.lengths = new LengthStats(taxonomy);
    }

    private MixAggregator mix(Dimension by, Period period, Facet facet) {
        return new MixAggregator(new MixSpec(taxonomy, by, period, facet, Weighting.TOKENS, LabelMode.PRIMARY, privacyK));
    }

    private static Facet dimension(Dimension d) {
        return new Facet(Facet.Kind.DIMENSION, null, d);
    }

    /**
     * Registers every roll-up of the report as a sink of a run.
     *
     * @param run a run over the log
     * @return the run
     */
    public MixRun feed(MixRun run) {
        for (MixRun.Sink s : sinks()) {
            run.add(s);
        }
        return run;
    }

    /** @param r a record, given to every roll-up (as a run fed by {@link #feed} does) */
    public void add(MixRecord r) {
        for (MixRun.Sink s : sinks()) {
            s.add(r);
        }
    }

    private List<MixRun.Sink> sinks() {
        return List.of(modelMix::add, modelTotals::add, sizeMix::add, opennessMix::add, sizeTotals::add,
                opennessTotals::add, weeklyMix::add, weeklyTotals::add,
                opennessWeekly::add, originWeekly::add, lengths::add, retention::add, this::note);
    }

    private void note(MixRecord r) {
        records++;
        tokens += r.tokens();
        Instant t = r.created();
        if (t == null) {
            undated++;
        } else {
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
        if (r.model().isUnknown()) {
            Unknown u = unknown.get(r.model().id());
            if (u == null && unknown.size() >= MAX_UNKNOWN_MODELS) {
                unknownOverflowTokens += r.tokens();
                unknownOverflowRequests++;
                return;
            }
            if (u == null) {
                u = new Unknown();
                unknown.put(r.model().id(), u);
            }
            u.tokens += r.tokens();
            u.requests++;
            if (r.user() != null && u.users.size() < Math.max(1, privacyK)) {
                u.users.add(r.user());
            }
        }
    }

    /** @return the taxonomy of the mixes */
    public String taxonomy() {
        return taxonomy;
    }

    /** @return the privacy floor */
    public int privacyK() {
        return privacyK;
    }

    /** @return use-case mix per model */
    public MixAggregator modelMix() {
        return modelMix;
    }

    /** @return tokens and requests per model (facet {@code all}) */
    public MixAggregator modelTotals() {
        return modelTotals;
    }

    /** @return use-case mix per size bucket */
    public MixAggregator sizeMix() {
        return sizeMix;
    }

    /** @return use-case mix of open and closed models */
    public MixAggregator opennessMix() {
        return opennessMix;
    }

    /** @return tokens and requests per size bucket (facet {@code all}) */
    public MixAggregator sizeTotals() {
        return sizeTotals;
    }

    /** @return tokens and requests of open and closed models (facet {@code all}) */
    public MixAggregator opennessTotals() {
        return opennessTotals;
    }

    /** @return weekly use-case shares of all traffic */
    public MixAggregator weeklyMix() {
        return weeklyMix;
    }

    /** @return weekly tokens and requests (facet {@code all}) */
    public MixAggregator weeklyTotals() {
        return weeklyTotals;
    }

    /** @return weekly shares of open and closed weights */
    public MixAggregator opennessWeekly() {
        return opennessWeekly;
    }

    /** @return weekly shares by developer origin */
    public MixAggregator originWeekly() {
        return originWeekly;
    }

    /** @return token lengths per category */
    public LengthStats lengths() {
        return lengths;
    }

    /** @return retention by cohort per model */
    public Retention retention() {
        return retention;
    }

    /** @return records seen */
    public long records() {
        return records;
    }

    /** @return tokens of all records (prompt + completion) */
    public long tokens() {
        return tokens;
    }

    /** @return records without a timestamp (left out of the weekly charts) */
    public long undated() {
        return undated;
    }

    /** @return the earliest timestamp, or null */
    public Instant first() {
        return first;
    }

    /** @return the latest timestamp, or null */
    public Instant last() {
        return last;
    }

    /** @return unknown model ids with their totals, most tokens first */
    public List<UnknownModel> unknownModels() {
        List<UnknownModel> out = new ArrayList<>();
        unknown.forEach((id, u) -> out.add(new UnknownModel(id, u.tokens, u.requests, u.users.size())));
        out.sort(Comparator.comparingLong(UnknownModel::tokens).reversed().thenComparing(UnknownModel::id));
        return out;
    }

    /** @return tokens of unknown models beyond the {@link #MAX_UNKNOWN_MODELS} itemised */
    public long unknownOverflowTokens() {
        return unknownOverflowTokens;
    }

    /** @return requests of unknown models beyond the {@link #MAX_UNKNOWN_MODELS} itemised */
    public long unknownOverflowRequests() {
        return unknownOverflowRequests;
    }
}
