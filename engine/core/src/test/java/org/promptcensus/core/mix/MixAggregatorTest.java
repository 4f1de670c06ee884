package org.promptcensus.core.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.mix.MixFixtures.CLOSED;
import static org.promptcensus.core.mix.MixFixtures.OPEN;
import static org.promptcensus.core.mix.MixFixtures.record;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixAggregatorTest {
    private static MixSpec spec(Dimension by, Period period, Weighting w, LabelMode labels, int k) {
        return new MixSpec("usecase", by, period, Facet.CATEGORY, w, labels, k);
    }

    private static MixRow row(List<MixRow> rows, String group, String value) {
        return rows.stream().filter(r -> r.group().equals(group) && r.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void tokenAndRequestWeightedSharesPerModel() {
        MixAggregator tokens = new MixAggregator(spec(Dimension.MODEL, Period.ALL, Weighting.TOKENS, LabelMode.PRIMARY, 0));
        MixAggregator requests = new MixAggregator(spec(Dimension.MODEL, Period.ALL, Weighting.REQUESTS, LabelMode.PRIMARY, 0));
        for (MixAggregator m : List.of(tokens, requests)) {
            m.add(record(OPEN, "u1", null, 900, 100, "roleplay", "0.9"));
            m.add(record(OPEN, "u2", null, 50, 50, "programming", "0.8"));
            m.add(record(OPEN, "u3", null, 50, 50, "programming", "0.8"));
            m.add(record(CLOSED, "u1", null, 10, 10, "programming", "0.7"));
        }
        assertThat(row(tokens.rows(), "open-m", "roleplay").share()).isCloseTo(1000.0 / 1200, within(1e-9));
        assertThat(row(requests.rows(), "open-m", "roleplay").share()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(row(tokens.rows(), "closed-m", "programming").share()).isEqualTo(1.0);
        assertThat(tokens.rows().get(0).group()).isEqualTo("open-m");
    }

    @Test
    void splitModeDividesMultiLabelRequestsByScore() {
        MixAggregator m = new MixAggregator(spec(Dimension.ALL, Period.ALL, Weighting.REQUESTS, LabelMode.SPLIT, 0));
        m.add(record(OPEN, "u1", null, 10, 10, "roleplay", "0.75", "adult", "0.25"));
        assertThat(row(m.rows(), "all", "roleplay").requests()).isCloseTo(0.75, within(1e-9));
        assertThat(row(m.rows(), "all", "adult").share()).isCloseTo(0.25, within(1e-9));
        MixAggregator p = new MixAggregator(spec(Dimension.ALL, Period.ALL, Weighting.REQUESTS, LabelMode.PRIMARY, 0));
        p.add(record(OPEN, "u1", null, 10, 10, "roleplay", "0.75", "adult", "0.25"));
        assertThat(p.rows()).hasSize(1);
    }

    @Test
    void weeklyPeriodsAreUtcMondays() {
        MixAggregator m = new MixAggregator(spec(Dimension.OPENNESS, Period.WEEK, Weighting.TOKENS, LabelMode.PRIMARY, 0));
        m.add(record(OPEN, "u1", "2025-06-01T23:30:00Z", 10, 10, "roleplay", "0.9"));   // a Sunday
        m.add(record(OPEN, "u1", "2025-06-02T00:10:00Z", 10, 10, "roleplay", "0.9"));   // the Monday after
        m.add(record(OPEN, "u1", null, 10, 10, "roleplay", "0.9"));
        assertThat(m.rows()).extracting(MixRow::period).containsExactlyInAnyOrder("2025-05-26", "2025-06-02", Period.UNDATED);
        assertThat(m.rows()).extracting(MixRow::group).containsOnly("open");
    }

    @Test
    void cellsWithFewerThanKUsersAreSuppressedAndCarryNoFigures() {
        MixAggregator m = new MixAggregator(spec(Dimension.MODEL, Period.ALL, Weighting.TOKENS, LabelMode.PRIMARY, 3));
        for (String u : List.of("a", "b", "c", "a")) {
            m.add(record(OPEN, u, null, 10, 10, "roleplay", "0.9"));
        }
        m.add(record(OPEN, "a", null, 10, 10, "legal", "0.9"));
        m.add(record(OPEN, "b", null, 10, 10, "legal", "0.9"));
        MixRow legal = row(m.rows(), "open-m", "legal");
        assertThat(legal.suppressed()).isTrue();
        assertThat(legal.share()).isNull();
        assertThat(legal.tokens()).isNull();
        assertThat(row(m.rows(), "open-m", "roleplay").suppressed()).isFalse();
    }

    @Test
    void mergingPerThreadAggregatorsEqualsOnePass() {
        MixSpec s = spec(Dimension.MODEL, Period.MONTH, Weighting.TOKENS, LabelMode.SPLIT, 2);
        MixAggregator one = new MixAggregator(s);
        MixAggregator a = new MixAggregator(s);
        MixAggregator b = new MixAggregator(s);
        for (int i = 0; i < 100; i++) {
            MixRecord r = record(i % 3 == 0 ? OPEN : CLOSED, "u" + (i % 7), "2025-0" + (1 + i % 5) + "-10T00:00:00Z", i, 2L * i,
                    i % 2 == 0 ? "roleplay" : "programming", "0.6", "adult", "0.2");
            one.add(r);
            (i % 2 == 0 ? a : b).add(r);
        }
        a.merge(b);
        assertThat(a.rows()).isEqualTo(one.rows());
        assertThat(a.records()).isEqualTo(100);
    }

    @Test
    void toolAndReasoningShares() {
        MixAggregator m = new MixAggregator(spec(Dimension.MODEL, Period.ALL, Weighting.TOKENS, LabelMode.PRIMARY, 0));
        var req = org.promptcensus.api.Request.builder("x").model("closed-m").toolCount(2)
                .usage(new org.promptcensus.api.Usage(100L, 50L, 20L, null)).build();
        m.add(new MixRecord(new org.promptcensus.api.TaggedRequest(req, "en",
                List.of(new org.promptcensus.api.TagSet("usecase", List.of(org.promptcensus.api.Tag.of("programming", 0.9)))), List.of()), CLOSED));
        m.add(record(CLOSED, "u", null, 100, 50, "programming", "0.9"));
        MixRow r = row(m.rows(), "closed-m", "programming");
        assertThat(r.toolShare()).isEqualTo(0.5);
        assertThat(r.reasoningShare()).isCloseTo(20.0 / 100, within(1e-9));
    }
}
