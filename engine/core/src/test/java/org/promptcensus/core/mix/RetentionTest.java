package org.promptcensus.core.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promptcensus.core.mix.MixFixtures.OPEN;
import static org.promptcensus.core.mix.MixFixtures.record;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void cohortsByFirstMonthWithActiveAndReturningShares() {
        Retention r = new Retention(Dimension.MODEL);
        // cohort 2025-01: u1 active every month; u2 only January; u3 January, lapses in February, back in March
        for (String m : List.of("01", "02", "03")) {
            r.add(record(OPEN, "u1", "2025-" + m + "-05T00:00:00Z", 1, 1, "roleplay", "0.9"));
        }
        r.add(record(OPEN, "u2", "2025-01-09T00:00:00Z", 1, 1, "roleplay", "0.9"));
        r.add(record(OPEN, "u3", "2025-01-09T00:00:00Z", 1, 1, "roleplay", "0.9"));
        r.add(record(OPEN, "u3", "2025-03-20T00:00:00Z", 1, 1, "roleplay", "0.9"));
        // cohort 2025-02: u4
        r.add(record(OPEN, "u4", "2025-02-01T00:00:00Z", 1, 1, "roleplay", "0.9"));
        List<Retention.Cohort> cohorts = r.cohorts(0);
        Retention.Cohort jan = cohorts.get(0);
        assertThat(jan.cohort()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(jan.users()).isEqualTo(3);
        assertThat(jan.active()).containsExactly(1.0, 1.0 / 3, 2.0 / 3);
        assertThat(jan.returned()).containsExactly(0.0, 0.0, 1.0 / 3);
        assertThat(cohorts.get(1).cohort()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(r.cohorts(2)).hasSize(1);
    }
}
