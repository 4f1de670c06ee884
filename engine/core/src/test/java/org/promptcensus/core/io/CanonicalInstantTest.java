package org.promptcensus.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CanonicalInstantTest {
    @Test
    void readsWhatInstantWritesForAnyTimeOfYears0To9999() {
        SplittableRandom rng = new SplittableRandom(3);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long s = i < 1000 ? Instant.parse("2024-02-28T00:00:00Z").getEpochSecond() + i * 3_601L : rng.nextLong(min, max + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> rng.nextInt(1000) * 1_000_000;
                case 2 -> rng.nextInt(1_000_000) * 1000;
                default -> rng.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(s, nanos);
            assertThat(CanonicalInstant.parse(t.toString())).as(t.toString()).isEqualTo(t);
        }
    }

    @Test
    void readsFractionsOfAnyLength() {
        assertThat(CanonicalInstant.parse("2025-03-12T14:03:22.5Z")).isEqualTo(Instant.parse("2025-03-12T14:03:22.500Z"));
        assertThat(CanonicalInstant.parse("2025-03-12T14:03:22.12Z")).isEqualTo(Instant.parse("2025-03-12T14:03:22.120Z"));
        assertThat(CanonicalInstant.parse("2024-02-29T23:59:59.000000001Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.000000001Z"));
    }

    @Test
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String s : new String[] {"2025-03-12T14:03:22", "2025-03-12T14:03:22+00:00", "2025-03-12 14:03:22Z", "2025-03-12",
                "2025-03-12T14:03Z", "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-04-31T00:00:00Z", "2025-03-12T24:00:00Z",
                "2025-03-12T14:60:00Z", "2025-03-12T14:03:60Z", "2025-03-12T14:03:22.Z", "2025-03-12T14:03:22.1234567890Z",
                "+12025-03-12T14:03:22Z", "2025-03-1xT14:03:22Z", " 2025-03-12T14:03:22Z", "2025-03-12T14:03:22z", "1741788202",
                "Wed, 12 Mar 2025 14:03:22 GMT", ""}) {
            assertThat(CanonicalInstant.parse(s)).as(s).isNull();
        }
    }
}
