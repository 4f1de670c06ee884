package org.promptcensus.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryPluginFailedTest {
    @Test
    void countsRecordsWhosePluginTaggerFailed() {
        RunSummary s = new RunSummary(3, 3, Map.of(), 0, Duration.ofSeconds(1), 2);
        assertThat(s.describe()).startsWith("3 records read, 3 tagged, 0 skipped, 2 plugin_failed in ");
        assertThat(new RunSummary(3, 3, Map.of(), 0, Duration.ofSeconds(1)).pluginFailed()).isZero();
        assertThat(new RunSummary(3, 3, Map.of(), 0, Duration.ofSeconds(1)).describe()).doesNotContain("plugin_failed");
    }
}
