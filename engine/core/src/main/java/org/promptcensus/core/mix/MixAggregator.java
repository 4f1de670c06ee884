package org.promptcensus.core.mix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls tagged records up into a mix, in one streaming pass: memory grows with the number of
 * (group, period, value) cells, never with the number of records. Not thread-safe: use one per
 * thread and {@link #merge} them.
 */
public final class MixAggregator {
    private record Key(String group, String period, String value) {
    }

    private final MixSpec spec;
    private final Map<Key, Cell> cells = new HashMap<>();
    private long records;
    private long withoutTokens;
    private long withoutUser;

    /** @param spec what to compute */
    public MixAggregator(MixSpec spec) {
        this.spec = spec;
    }

    /** @return the spec */
    public MixSpec spec() {
        return spec;
    }

    /** @param r a record */
    public void add(MixRecord r) {
        records++;
        if (r.tokens() == 0) {
            withoutTokens++;
        }
        if (r.user() == null) {
            withoutUser++;
        }
        String group = spec.by().of(r);
        String period = spec.period().key(r.created());
        for (Facet.Part p : spec.facet().parts(r, spec.taxonomy(), spec.labels())) {
            cells.computeIfAbsent(new Key(group, period, p.value()), k -> new Cell(spec.privacyK())).add(r, p.weight());
        }
    }

    /** Per (group, period): observed shares and the sample size behind them. */
    private static final class Totals {
        final Map<String, Double> observed = new HashMap<>();
        double requests;
        double tokens;
        double tokenSquares;
        boolean squaresUnknown;
    }

    private List<MixRow> correct(List<MixRow> rows, ShareCorrector corrector) {
        Map<String, Totals> byGroupPeriod = new HashMap<>();
        cells.forEach((k, c) -> {
            Totals t = byGroupPeriod.computeIfAbsent(k.group() + "\u0000" + k.period(), x -> new Totals());
            t.observed.merge(k.value(), spec.weighting() == Weighting.TOKENS ? c.tokens : c.requests, Double::sum);
            t.requests += c.requests;
            t.tokens += c.tokens;
            t.tokenSquares += c.tokenSquares;
            t.squaresUnknown |= c.tokens > 0 && c.tokenSquares <= 0;
        });
        Map<String, ShareCorrector.Result> results = new HashMap<>();
        byGroupPeriod.forEach((gp, t) -> results.put(gp, corrector.correct(t.observed, sampleSize(t))));
        List<MixRow> out = new ArrayList<>(rows.size());
        for (MixRow r : rows) {
            ShareCorrector.Result res = results.get(r.group() + "\u0000" + r.period());
            out.add(r.suppressed() ? r : r.withCorrection(res.corrected().get(r.value()), res.low().get(r.value()),
                    res.high().get(r.value())));
        }
        return out;
    }

    /**
     * The sample size behind a group's shares, for the intervals: its requests when shares are by
     * requests; by tokens, the effective sample size (Σw)² / Σw² of the token weights (Kish), which
     * is smaller, much smaller when a few long requests carry most tokens. Falls back to requests
     * when the squares are unknown (cells restored from an older snapshot).
     */
    private double sampleSize(Totals t) {
        if (spec.weighting() != Weighting.TOKENS || t.squaresUnknown || t.tokenSquares <= 0) {
            return t.requests;
        }
        return Math.min(t.requests, t.tokens * t.tokens / t.tokenSquares);
    }

    /**
     * @param group a group
     * @param period a period
     * @return the effective sample size of that group's shares in that period (see the intervals),
     *         0 when there is no such group
     */
    public double effectiveSize(String group, String period) {
        Totals t = new Totals();
        cells.forEach((k, c) -> {
            if (k.group().equals(group) && k.period().equals(period)) {
                t.requests += c.requests;
                t.tokens += c.tokens;
                t.tokenSquares += c.tokenSquares;
                t.squaresUnknown |= c.tokens > 0 && c.tokenSquares <= 0;
            }
        });
        return sampleSize(t);
    }

    /** @param other an aggregator of the same spec, whose totals are added to these */
    public void merge(MixAggregator other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot merge mixes of different specs");
        }
        records += other.records;
        withoutTokens += other.withoutTokens;
        withoutUser += other.withoutUser;
        other.cells.forEach((k, c) -> cells.computeIfAbsent(k, x -> new Cell(spec.privacyK())).merge(c));
    }

    /**
     * The totals of one cell, as held in a {@link State}.
     *
     * @param group the group
     * @param period the period
     * @param value the facet value
     * @param requests requests (fractional under split labels)
     * @param tokens tokens
     * @param promptTokens prompt tokens
     * @param completionTokens completion tokens
     * @param reasoningTokens reasoning tokens
     * @param toolRequests requests with tool calls
     * @param users the distinct user ids held, at most the privacy floor's k
     * @param tokenSquares the sum of weight x tokens² over its records (for the effective sample size
     *                     of token-weighted intervals); 0 when unknown
     */
    public record CellState(String group, String period, String value, double requests, double tokens, double promptTokens,
                            double completionTokens, double reasoningTokens, double toolRequests, List<String> users,
                            double tokenSquares) {
        /**
         * A cell state without the token squares (as before they were kept): token-weighted
         * intervals of its group then use the request count.
         *
         * @param group the group
         * @param period the period
         * @param value the facet value
         * @param requests requests
         * @param tokens tokens
         * @param promptTokens prompt tokens
         * @param completionTokens completion tokens
         * @param reasoningTokens reasoning tokens
         * @param toolRequests requests with tool calls
         * @param users the distinct user ids held
         */
        public CellState(String group, String period, String value, double requests, double tokens, double promptTokens,
                         double completionTokens, double reasoningTokens, double toolRequests, List<String> users) {
            this(group, period, value, requests, tokens, promptTokens, completionTokens, reasoningTokens, toolRequests, users, 0);
        }
    }

    /**
     * All the totals of an aggregator, for snapshots: {@link #restore} gives back an aggregator
     * whose rows are those of the original.
     *
     * @param records records added
     * @param withoutTokens records without token counts
     * @param withoutUser records without a user id
     * @param cells the cells, sorted by group, period and value
     */
    public record State(long records, long withoutTokens, long withoutUser, List<CellState> cells) {
    }

    /** @return a copy of the totals, independent of this aggregator */
    public State state() {
        List<CellState> out = new ArrayList<>(cells.size());
        cells.forEach((k, c) -> out.add(new CellState(k.group(), k.period(), k.value(), c.requests, c.tokens, c.promptTokens,
                c.completionTokens, c.reasoningTokens, c.toolRequests, c.userIds().stream().sorted().toList(), c.tokenSquares)));
        out.sort(Comparator.comparing(CellState::group).thenComparing(CellState::period).thenComparing(CellState::value));
        return new State(records, withoutTokens, withoutUser, out);
    }

    /**
     * @param spec the spec of the new aggregator (user sets are capped at its privacy k)
     * @param state totals from {@link #state()}
     * @return an aggregator holding those totals
     */
    public static MixAggregator restore(MixSpec spec, State state) {
        MixAggregator m = new MixAggregator(spec);
        m.records = state.records();
        m.withoutTokens = state.withoutTokens();
        m.withoutUser = state.withoutUser();
        for (CellState cs : state.cells()) {
            Cell c = m.cells.computeIfAbsent(new Key(cs.group(), cs.period(), cs.value()), k -> new Cell(spec.privacyK()));
            c.requests += cs.requests();
            c.tokens += cs.tokens();
            c.promptTokens += cs.promptTokens();
            c.completionTokens += cs.completionTokens();
            c.reasoningTokens += cs.reasoningTokens();
            c.toolRequests += cs.toolRequests();
            c.tokenSquares += cs.tokenSquares();
            if (cs.users() != null) {
                cs.users().forEach(c::addUser);
            }
        }
        return m;
    }

    /** @return records added */
    public long records() {
        return records;
    }

    /** @return records without token counts (they weigh nothing in token-weighted shares) */
    public long recordsWithoutTokens() {
        return withoutTokens;
    }

    /** @return records without a user id (they do not count towards the privacy floor) */
    public long recordsWithoutUser() {
        return withoutUser;
    }

    /** @return the number of cells held */
    public int cellCount() {
        return cells.size();
    }

    /**
     * @return the rows, by group (largest first), period, then share (largest first); shares are of
     *         the group's period total; suppressed cells carry no figures
     */
    public List<MixRow> rows() {
        return rows(null);
    }

    /**
     * @param corrector corrects category shares for classifier errors, or null
     * @return the rows as {@link #rows()}, with corrected shares and intervals on category facets
     */
    public List<MixRow> rows(ShareCorrector corrector) {
        Map<String, double[]> totals = new HashMap<>();
        Map<String, Double> groupSize = new HashMap<>();
        cells.forEach((k, c) -> {
            double[] t = totals.computeIfAbsent(k.group() + "\u0000" + k.period(), x -> new double[2]);
            t[0] += c.requests;
            t[1] += c.tokens;
            groupSize.merge(k.group(), spec.weighting() == Weighting.TOKENS ? c.tokens : c.requests, Double::sum);
        });
        List<MixRow> rows = new ArrayList<>(cells.size());
        cells.forEach((k, c) -> {
            double[] t = totals.get(k.group() + "\u0000" + k.period());
            double denominator = spec.weighting() == Weighting.TOKENS ? t[1] : t[0];
            double numerator = spec.weighting() == Weighting.TOKENS ? c.tokens : c.requests;
            boolean suppressed = spec.privacyK() > 0 && c.users() < spec.privacyK();
            if (suppressed) {
                rows.add(new MixRow(k.group(), k.period(), k.value(), null, null, null, null, null, null, true, null, null));
            } else {
                rows.add(new MixRow(k.group(), k.period(), k.value(), c.requests, c.tokens,
                        denominator == 0 ? 0.0 : numerator / denominator, null, null, null, false,
                        c.requests == 0 ? 0.0 : c.toolRequests / c.requests,
                        c.completionTokens == 0 ? 0.0 : c.reasoningTokens / c.completionTokens));
            }
        });
        if (corrector != null && spec.facet().kind() == Facet.Kind.CATEGORY) {
            List<MixRow> corrected = correct(rows, corrector);
            rows.clear();
            rows.addAll(corrected);
        }
        rows.sort(Comparator.comparing((MixRow r) -> -groupSize.getOrDefault(r.group(), 0.0)).thenComparing(MixRow::group)
                .thenComparing(MixRow::period)
                .thenComparing(r -> r.share() == null ? 1.0 : -r.share()).thenComparing(MixRow::value));
        return rows;
    }

    /**
     * The notes a reader needs beside these rows: records without token counts (under token
     * weighting), records without a user id (under a privacy floor), and suppressed cells.
     */
    public List<String> notes(List<MixRow> rows) {
        List<String> notes = new ArrayList<>();
        if (recordsWithoutTokens() > 0 && spec().weighting() == Weighting.TOKENS) {
            notes.add(String.format("%,d records have no token counts and weigh nothing in token shares (use --weight requests)",
                    recordsWithoutTokens()));
        }
        if (recordsWithoutUser() > 0 && spec().privacyK() > 0) {
            notes.add(String.format("%,d records have no user id and do not count towards the privacy floor", recordsWithoutUser()));
        }
        long suppressed = rows.stream().filter(MixRow::suppressed).count();
        if (suppressed > 0) {
            notes.add(String.format("%,d cells suppressed: fewer than %d distinct users (--privacy-k)", suppressed, spec().privacyK()));
        }
        return notes;
    }
}
