package org.promptcensus.core.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.mix.MixFixtures.CLOSED;
import static org.promptcensus.core.mix.MixFixtures.OPEN;
import static org.promptcensus.core.mix.MixFixtures.record;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixAggregatorStateTest {
    private static final MixSpec SPEC = new MixSpec("usecase", Dimension.MODEL, Period.MONTH, Facet.CATEGORY, Weighting.TOKENS,
            LabelMode.SPLIT, 3);

    private static MixAggregator sample() {
        MixAggregator m = new MixAggregator(SPEC);
        for (int i = 0; i < 60; i++) {
            m.add(record(i % 3 == 0 ? OPEN : CLOSED, i % 11 == 0 ? null : "u" + (i % 5), "2025-0" + (1 + i % 3) + "-10T00:00:00Z",
                    i, i % 7 == 0 ? 0 : 2L * i, "roleplay", "0.6", i % 2 == 0 ? "adult" : "programming", "0.4"));
        }
        return m;
    }

    /** Equal rows, figures to 1e-9 (sums may be taken in another order). */
    private static void assertSameRows(MixAggregator actual, MixAggregator expected) {
        List<MixRow> a = actual.rows();
        List<MixRow> e = expected.rows();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            MixRow x = a.get(i);
            MixRow y = e.get(i);
            assertThat(List.of(x.group(), x.period(), x.value(), x.suppressed()))
                    .isEqualTo(List.of(y.group(), y.period(), y.value(), y.suppressed()));
            assertClose(x.requests(), y.requests());
            assertClose(x.tokens(), y.tokens());
            assertClose(x.share(), y.share());
            assertClose(x.toolShare(), y.toolShare());
            assertClose(x.reasoningShare(), y.reasoningShare());
        }
    }

    private static void assertClose(Double x, Double y) {
        if (y == null) {
            assertThat(x).isNull();
        } else {
            assertThat(x).isCloseTo(y, within(1e-9));
        }
    }

    @Test
    void restoredStateGivesTheSameRowsAndCounts() {
        MixAggregator m = sample();
        MixAggregator back = MixAggregator.restore(SPEC, m.state());
        assertSameRows(back, m);
        assertThat(back.records()).isEqualTo(m.records());
        assertThat(back.recordsWithoutTokens()).isEqualTo(m.recordsWithoutTokens());
        assertThat(back.recordsWithoutUser()).isEqualTo(m.recordsWithoutUser());
        assertThat(back.state()).isEqualTo(m.state());
    }

    @Test
    void stateIsACopyAndUsersStayCappedAtK() {
        MixAggregator m = sample();
        MixAggregator.State s = m.state();
        m.add(record(OPEN, "late", "2025-01-10T00:00:00Z", 5, 5, "legal", "0.9"));
        assertThat(s.records()).isEqualTo(60);
        assertThat(s.cells()).allSatisfy(c -> assertThat(c.users()).hasSizeLessThanOrEqualTo(3));
        assertThat(s.cells()).extracting(MixAggregator.CellState::value).doesNotContain("legal");
    }

    @Test
    void restoredAggregatorKeepsCountingAndMerging() {
        MixAggregator m = sample();
        MixAggregator back = MixAggregator.restore(SPEC, m.state());
        MixRecord extra = record(CLOSED, "u9", "2025-02-10T00:00:00Z", 100, 50, "legal", "0.9");
        m.add(extra);
        back.add(extra);
        assertSameRows(back, m);
        MixAggregator merged = new MixAggregator(SPEC);
        merged.merge(back);
        assertSameRows(merged, m);
        assertThat(MixAggregator.restore(SPEC, new MixAggregator(SPEC).state()).rows()).isEqualTo(List.of());
    }
}
