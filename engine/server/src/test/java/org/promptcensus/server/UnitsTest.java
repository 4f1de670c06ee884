package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizes() {
        assertThat(Units.parseBytes("1MB")).isEqualTo(1L << 20);
        assertThat(Units.parseBytes("512kb")).isEqualTo(512L << 10);
        assertThat(Units.parseBytes("2000")).isEqualTo(2000);
        assertThat(Units.parseBytes("1 GiB")).isEqualTo(1L << 30);
        assertThat(Units.formatBytes(1L << 20)).isEqualTo("1MB");
        assertThat(Units.formatBytes(1500)).isEqualTo("1500 bytes");
        assertThatThrownBy(() -> Units.parseBytes("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> Units.parseBytes("99999999999GB")).hasMessageContaining("too large");
    }

    @Test
    void durations() {
        assertThat(Units.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Units.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Units.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Units.parseDuration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Units.parseDuration("soon")).hasMessageContaining("not a duration");
    }
}
