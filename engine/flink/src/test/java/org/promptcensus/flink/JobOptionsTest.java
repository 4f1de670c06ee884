package org.promptcensus.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

class JobOptionsTest {
    @Test
    void batchDefaults() {
        JobOptions o = JobOptions.parse(new String[] {"--mode", "batch", "--input", "a.jsonl,b.jsonl.gz", "--output", "/out"});
        assertThat(o.batch().inputs()).containsExactly("a.jsonl", "b.jsonl.gz");
        assertThat(o.batch().mixFile()).isEqualTo("/out/mix.json");
        assertThat(o.stream()).isNull();
        assertThat(o.engine().taxonomies()).containsExactly("usecase");
        assertThat(o.mix().spec().privacyK()).isEqualTo(10);
        assertThat(o.parallelism()).isZero();
    }

    @Test
    void streamParameters() {
        JobOptions o = JobOptions.parse(new String[] {"--mode=stream", "--bootstrap-servers", "k:9092", "--input-topic", "in",
                "--output-topic", "out", "--mix-topic", "mix", "--dead-letter-topic", "dead", "--windows", "hour,day",
                "--out-of-orderness", "30s", "--allowed-lateness", "PT2H", "--kafka-property", "security.protocol=SSL",
                "--model", "usecase=/models/usecase.bin", "--keep-text", "--parallelism", "4"});
        StreamOptions s = o.stream();
        assertThat(s.windows()).containsExactly("hour", "day");
        assertThat(s.outOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.allowedLateness()).isEqualTo(Duration.ofHours(2));
        assertThat(s.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.kafkaProperties()).containsEntry("security.protocol", "SSL");
        assertThat(o.engine().models()).containsEntry("usecase", "/models/usecase.bin");
        assertThat(o.engine().keepText()).isTrue();
        assertThat(o.parallelism()).isEqualTo(4);
    }

    @Test
    void weeksStartOnMonday() {
        // 1970-01-05 was a Monday: 4 days after the epoch
        assertThat(StreamOptions.offset("week")).isEqualTo(Duration.ofDays(4));
        assertThat(StreamOptions.size("hour")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsUnknownAndMissingParameters() {
        for (List<String> args : List.of(
                List.of("--mode", "batch", "--input", "a", "--output", "o", "--paralelism", "2"),
                List.of("--mode", "batch", "--output", "o"),
                List.of("--mode", "stream", "--bootstrap-servers", "k:9092"),
                List.of("--mode", "sideways"),
                List.of("--mode", "batch", "--input", "a", "--output", "o", "--by", "nothing"),
                List.of("--mode", "batch", "--input", "a", "--output", "o", "--mix-format", "xml"))) {
            assertThatThrownBy(() -> JobOptions.parse(args.toArray(new String[0])))
                    .as(String.join(" ", args))
                    .isInstanceOfSatisfying(CensusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE));
        }
        assertThatThrownBy(() -> JobOptions.parse(new String[] {"--mode", "batch", "--input", "a", "--output", "o", "--paralelism", "2"}))
                .hasMessageContaining("--paralelism");
    }
}
