package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;

class RunningMixTest {
    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-07-01T10:15:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    private static TaggedRequest tagged(String user, String model, String category, long tokens) {
        Request r = Request.builder("r").message(org.promptcensus.api.Role.USER, "secret prompt text").model(model).user(user)
                .usage(new Usage(tokens, 0L, null, null)).build();
        return new TaggedRequest(r, "en", List.of(new TagSet("usecase", List.of(Tag.of(category, 0.9)))), List.of());
    }

    private static double requests(MixAggregator m) {
        return m.rows().stream().mapToDouble(MixRow::requests).sum();
    }

    @Test
    void windowsReadTheirHoursAndOldHoursAreDropped() {
        MovableClock clock = new MovableClock();
        RunningMix mix = new RunningMix("usecase", 0, 3, TestEngine.catalog(), clock);
        mix.add(List.of(tagged("a", "openai/gpt-4o", "programming", 10)));
        clock.now = clock.now.plus(Duration.ofHours(1));
        mix.add(List.of(tagged("b", "openai/gpt-4o", "roleplay", 10), tagged("c", "x/unknown-model", "roleplay", 10)));
        assertThat(requests(mix.read(Dimension.MODEL, Window.parse("1h", 3)))).isEqualTo(2);
        assertThat(requests(mix.read(Dimension.MODEL, Window.parse("2h", 3)))).isEqualTo(3);
        assertThat(requests(mix.read(Dimension.ALL, Window.ALL))).isEqualTo(3);
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(requests(mix.read(Dimension.MODEL, Window.parse("3h", 3)))).as("the first hour left the window").isEqualTo(2);
        assertThat(mix.bucketCount()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofHours(5));
        assertThat(requests(mix.read(Dimension.MODEL, Window.parse("3h", 3)))).isZero();
        assertThat(mix.bucketCount()).isZero();
        assertThat(requests(mix.read(Dimension.MODEL, Window.ALL))).as("all time keeps everything").isEqualTo(3);
        assertThat(mix.read(Dimension.MODEL, Window.ALL).rows()).extracting(MixRow::group).contains("gpt-4o", "x/unknown-model");
    }

    @Test
    void snapshotsHoldNoPromptTextNorUserIdsAndRestoreExactly() throws IOException {
        MovableClock clock = new MovableClock();
        RunningMix mix = new RunningMix("usecase", 2, 24, TestEngine.catalog(), clock);
        mix.add(List.of(tagged("alice@example.com", "openai/gpt-4o", "programming", 10), tagged("bob", "openai/gpt-4o", "programming", 30)));
        clock.now = clock.now.plus(Duration.ofHours(2));
        mix.add(List.of(tagged("alice@example.com", "deepseek/deepseek-chat", "roleplay", 5)));
        SnapshotStore store = new SnapshotStore(dir);
        store.save(mix.snapshot());
        String text = Files.readString(store.file());
        assertThat(text).doesNotContain("alice").doesNotContain("bob").doesNotContain("secret prompt");

        RunningMix back = new RunningMix("usecase", 2, 24, TestEngine.catalog(), clock);
        back.restore(store.load().orElseThrow());
        for (Dimension d : Dimension.values()) {
            for (Window w : List.of(Window.ALL, Window.parse("1h", 24), Window.parse("24h", 24))) {
                assertThat(back.read(d, w).rows()).as(d + " " + w).isEqualTo(mix.read(d, w).rows());
            }
        }
        assertThat(back.snapshot().buckets()).isEqualTo(mix.snapshot().buckets());
        assertThat(back.changes()).isEqualTo(3);
        RunningMix other = new RunningMix("another", 2, 24, TestEngine.catalog(), clock);
        assertThatThrownBy(() -> other.restore(store.load().orElseThrow())).hasMessageContaining("taxonomy 'usecase'");
    }

    @Test
    void snapshotWritesAreAtomicAndStaleTempFilesGo() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        assertThat(store.load()).isEmpty();
        RunningMix mix = new RunningMix("usecase", 0, 24, TestEngine.catalog(), new MovableClock());
        store.save(mix.snapshot());
        mix.add(List.of(tagged("u", "m", "legal", 3)));
        Files.writeString(dir.resolve(SnapshotStore.FILE + ".123.tmp"), "{torn");
        store.save(mix.snapshot());
        assertThat(store.load().orElseThrow().changes()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SnapshotStore.FILE);
        }
    }
}
