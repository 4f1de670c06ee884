package org.promptcensus.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiLabelTallyTest {
    private static Decision d(Set<String> gold, Set<String> predicted) {
        return new Decision(gold.isEmpty() ? "none" : gold.iterator().next(),
                predicted.isEmpty() ? "none" : predicted.iterator().next(), gold, predicted);
    }

    @Test
    void scoresEachCategoryOnLabelSetsAndCountsFalseAlarmsOnCleanRecords() {
        MultiLabelTally t = new MultiLabelTally(List.of("hate", "violence", "illegal"));
        t.add(d(Set.of("hate", "violence"), Set.of("hate")));   // hate right, violence missed
        t.add(d(Set.of("hate"), Set.of("hate", "violence")));   // violence false alarm
        t.add(d(Set.of(), Set.of("hate")));                      // clean record: hate false alarm
        t.add(d(Set.of(), Set.of()));                            // clean and untagged: exact
        EvalSummary s = t.summarize(1);
        assertThat(s.multiLabel()).isTrue();
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.accuracy()).isCloseTo(0.25, within(1e-9));
        CategoryScore hate = s.categories().get(0);
        assertThat(hate.id()).isEqualTo("hate");
        assertThat(hate.support()).isEqualTo(2);
        assertThat(hate.predicted()).isEqualTo(3);
        assertThat(hate.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(hate.recall()).isCloseTo(1.0, within(1e-9));
        CategoryScore violence = s.categories().get(2);
        assertThat(violence.id()).isEqualTo("violence");
        assertThat(violence.f1()).isZero();
        // illegal has no gold support: listed, not in the macro average
        assertThat(s.macroCategories()).extracting(CategoryScore::id).containsExactly("hate", "violence");
        assertThat(s.macroF1()).isCloseTo(0.4, within(1e-9));
        // micro: 2 right of 3 gold + 4 predicted decisions
        assertThat(s.microF1()).isCloseTo(2.0 * 2 / 7, within(1e-9));
    }

    @Test
    void primaryTallyKeepsTheSingleLabelScores() {
        PrimaryTally t = new PrimaryTally();
        t.add(d(Set.of("a"), Set.of("a")));
        t.add(d(Set.of("a"), Set.of("b")));
        EvalSummary s = t.summarize(1);
        assertThat(s.multiLabel()).isFalse();
        assertThat(s.accuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(s.microF1()).isEqualTo(s.accuracy());
    }
}
