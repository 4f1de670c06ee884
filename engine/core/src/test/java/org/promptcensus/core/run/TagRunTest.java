package org.promptcensus.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.core.Engine;
import org.promptcensus.core.TestTaxonomies;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.RecordParser;

class TagRunTest {
    private static final Engine ENGINE = Engine.builder().taxonomy(TestTaxonomies.mini()).build();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static List<RawRecord> input(int n) {
        List<RawRecord> in = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String line = switch (i % 5) {
                case 0 -> "{broken";
                case 1 -> "{\"text\": \"   \"}";
                default -> "{\"id\": \"r" + i + "\", \"text\": \"stack trace number " + i + "\"}";
            };
            in.add(RawRecord.json("in.jsonl", i, line));
        }
        in.add(RawRecord.failed("in.jsonl", n + 1, "invalid UTF-8"));
        return in;
    }

    @Test
    void keepsInputOrderOnManyThreadsAndSkipsBadRecords() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        RunSummary s = new TagRun(ENGINE, new RecordParser(FieldMapping.NONE), 4, false, false)
                .run(input(500).iterator(), outcomes::add);
        assertThat(outcomes).extracting(o -> o.raw().line()).isSorted().hasSize(501);
        assertThat(s.read()).isEqualTo(501);
        assertThat(s.tagged()).isEqualTo(300);
        assertThat(s.skipped()).containsEntry("bad_record", 101L).containsEntry("no_text", 100L);
        Outcome.Skipped broken = (Outcome.Skipped) outcomes.get(4);
        assertThat(broken.describe()).startsWith("in.jsonl:5: malformed JSON");
        Outcome.Tagged t = (Outcome.Tagged) outcomes.get(1);
        assertThat(t.tagged().request().id()).isEqualTo("r2");
        assertThat(t.tagged().primary("mini")).contains("code");
    }

    @Test
    void strictStopsAtTheFirstBadRecord() {
        List<Outcome> outcomes = new ArrayList<>();
        assertThatThrownBy(() -> new TagRun(ENGINE, new RecordParser(FieldMapping.NONE), 2, true, false)
                .run(input(20).iterator(), outcomes::add))
                .isInstanceOf(CensusException.class).hasMessageContaining("in.jsonl:1").hasMessageContaining("--strict");
    }
}
