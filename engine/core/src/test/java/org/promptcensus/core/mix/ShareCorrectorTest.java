package org.promptcensus.core.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareCorrectorTest {
    // A 90%-accurate tagger over three categories: 10% of each true class lands on the others.
    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final double[][] CONFUSION = {
            {900, 50, 50},
            {50, 900, 50},
            {50, 50, 900}};

    @Test
    void correctsTheOverstatementOfRareCategories() {
        // true shares 0.8 / 0.15 / 0.05 -> observed q = M^T p
        double[] p = {0.8, 0.15, 0.05};
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q[j] += p[i] * CONFUSION[i][j] / 1000;
            }
        }
        assertThat(q[2]).isGreaterThan(0.09);  // the rare category is overstated almost twice
        ShareCorrector c = new ShareCorrector(LABELS, CONFUSION, 300, 7);
        ShareCorrector.Result r = c.correct(Map.of("a", q[0], "b", q[1], "c", q[2]), 20_000);
        assertThat(r.corrected().get("a")).isCloseTo(0.8, within(1e-4));
        assertThat(r.corrected().get("c")).isCloseTo(0.05, within(1e-4));
        for (int i = 0; i < 3; i++) {
            String l = LABELS.get(i);
            assertThat(r.low().get(l)).isLessThanOrEqualTo(p[i]);
            assertThat(r.high().get(l)).isGreaterThanOrEqualTo(p[i]);
            assertThat(r.high().get(l) - r.low().get(l)).isLessThan(0.05);
        }
    }

    @Test
    void sharesStayOnTheSimplexAndUnknownCategoriesPassThrough() {
        ShareCorrector c = new ShareCorrector(LABELS, CONFUSION, 0, 7);
        ShareCorrector.Result r = c.correct(Map.of("a", 0.05, "b", 0.05, "z", 0.9), 100);
        double sum = r.corrected().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(r.corrected().values()).allMatch(v -> v >= 0);
        assertThat(r.corrected().get("z")).isGreaterThan(0.85);
    }

    @Test
    void isDeterministic() {
        ShareCorrector c = new ShareCorrector(LABELS, CONFUSION, 100, 7);
        Map<String, Double> q = Map.of("a", 0.6, "b", 0.3, "c", 0.1);
        assertThat(c.correct(q, 500)).isEqualTo(c.correct(q, 500));
    }
}
