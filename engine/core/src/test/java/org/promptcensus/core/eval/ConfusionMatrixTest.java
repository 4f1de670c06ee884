package org.promptcensus.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void computesPrecisionRecallF1AndAverages() {
        ConfusionMatrix m = new ConfusionMatrix();
        for (int i = 0; i < 8; i++) {
            m.add("a", "a");
        }
        m.add("a", "b");
        m.add("a", "b");
        for (int i = 0; i < 3; i++) {
            m.add("b", "b");
        }
        m.add("b", "a");
        m.add("c", "a");
        EvalSummary s = m.summarize(2);
        CategoryScore a = s.categories().get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.precision()).isCloseTo(0.8, within(1e-9));
        assertThat(a.recall()).isCloseTo(0.8, within(1e-9));
        CategoryScore b = s.categories().get(1);
        assertThat(b.precision()).isCloseTo(0.6, within(1e-9));
        assertThat(b.recall()).isCloseTo(0.75, within(1e-9));
        assertThat(s.accuracy()).isCloseTo(11.0 / 15, within(1e-9));
        // c has support 1 < 2: left out of the macro average
        assertThat(s.macroCategories()).extracting(CategoryScore::id).containsExactly("a", "b");
        assertThat(s.macroF1()).isCloseTo((0.8 + 2 * 0.6 * 0.75 / 1.35) / 2, within(1e-9));
    }

    @Test
    void mergesCounts() {
        ConfusionMatrix a = new ConfusionMatrix();
        a.add("x", "y");
        ConfusionMatrix b = new ConfusionMatrix();
        b.add("x", "y");
        b.add("y", "y");
        a.merge(b);
        assertThat(a.count("x", "y")).isEqualTo(2);
        assertThat(a.total()).isEqualTo(3);
    }
}
