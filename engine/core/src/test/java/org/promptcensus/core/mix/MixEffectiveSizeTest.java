package org.promptcensus.core.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.mix.MixFixtures.CLOSED;
import static org.promptcensus.core.mix.MixFixtures.record;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-weighted intervals rest on the effective sample size (Σw)² / Σw², not on the request count. */
class MixEffectiveSizeTest {
    private static MixSpec spec(Weighting w, LabelMode labels) {
        return new MixSpec("usecase", Dimension.MODEL, Period.ALL, Facet.CATEGORY, w, labels, 0);
    }

    private static MixAggregator sample(Weighting w, LabelMode labels) {
        MixAggregator m = new MixAggregator(spec(w, labels));
        // 99 requests of 100 tokens and one of 10,000: by tokens, that one carries half the weight.
        for (int i = 0; i < 99; i++) {
            m.add(record(CLOSED, "u" + i, null, 60, 40, i % 2 == 0 ? "roleplay" : "programming", "0.7", "adult", "0.3"));
        }
        m.add(record(CLOSED, "u", null, 9_000, 1_000, "programming", "0.9"));
        return m;
    }

    @Test
    void byTokensTheSampleIsTheKishEffectiveSize() {
        double sum = 99 * 100.0 + 10_000;
        double squares = 99 * 100.0 * 100 + 10_000.0 * 10_000;
        for (LabelMode labels : LabelMode.values()) {
            assertThat(sample(Weighting.TOKENS, labels).effectiveSize("closed-m", "all")).isCloseTo(sum * sum / squares, within(1e-6));
        }
        assertThat(sample(Weighting.REQUESTS, LabelMode.PRIMARY).effectiveSize("closed-m", "all")).isEqualTo(100.0);
        assertThat(sample(Weighting.TOKENS, LabelMode.PRIMARY).effectiveSize("nobody", "all")).isZero();
    }

    @Test
    void snapshotsKeepTheSquaresAndOldOnesFallBackToRequests() {
        MixAggregator m = sample(Weighting.TOKENS, LabelMode.PRIMARY);
        MixAggregator back = MixAggregator.restore(m.spec(), m.state());
        assertThat(back.effectiveSize("closed-m", "all")).isCloseTo(m.effectiveSize("closed-m", "all"), within(1e-9));

        List<MixAggregator.CellState> old = m.state().cells().stream().map(c -> new MixAggregator.CellState(c.group(), c.period(),
                c.value(), c.requests(), c.tokens(), c.promptTokens(), c.completionTokens(), c.reasoningTokens(), c.toolRequests(),
                c.users())).toList();
        MixAggregator.State s = m.state();
        MixAggregator fromOld = MixAggregator.restore(m.spec(), new MixAggregator.State(s.records(), s.withoutTokens(), s.withoutUser(), old));
        assertThat(fromOld.effectiveSize("closed-m", "all")).isEqualTo(100.0);
    }

    @Test
    void fewerEffectiveRequestsGiveWiderIntervals() {
        ShareCorrector identity = new ShareCorrector(List.of("programming", "roleplay"), new double[][] {{50, 0}, {0, 50}}, 400, 1);
        MixRow byTokens = row(sample(Weighting.TOKENS, LabelMode.PRIMARY).rows(identity), "programming");
        MixRow byRequests = row(sample(Weighting.REQUESTS, LabelMode.PRIMARY).rows(identity), "programming");
        assertThat(byTokens.ciHigh() - byTokens.ciLow()).isGreaterThan(1.3 * (byRequests.ciHigh() - byRequests.ciLow()));
    }

    private static MixRow row(List<MixRow> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow();
    }
}
