package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running mix survives a restart: snapshotted on stop (and at an interval), reloaded on start. */
class SnapshotRestoreIT {
    @TempDir
    Path dir;

    private static final String[] VIEWS = {"/v1/mix?by=model", "/v1/mix?by=model&window=24h", "/v1/mix?by=author&window=7d",
        "/v1/mix?by=openness", "/v1/mix?by=language", "/v1/mix?by=all&window=1h"};

    private static String events(int from, int n) {
        StringBuilder sb = new StringBuilder();
        String[] models = {"openai/gpt-4o", "anthropic/claude-3-5-sonnet", "deepseek/deepseek-chat"};
        for (int i = from; i < from + n; i++) {
            sb.append(Bodies.event("ev" + i, "user-" + (i % 5), models[i % 3], Bodies.prompt(i), 100 + i, 20 + i)).append('\n');
        }
        return sb.toString();
    }

    private static JsonNode view(TestServer s, String path) {
        ObjectNode j = (ObjectNode) s.get(path).json();
        j.remove("as_of");
        return j;
    }

    @Test
    void eventsPostedBeforeAStopAreThereAfterAStart() {
        JsonNode[] before = new JsonNode[VIEWS.length];
        TestServer a = TestServer.start(b -> b.snapshotDir(dir).privacyK(2));
        try {
            assertThat(a.post("/v1/events", events(0, 40)).status()).isEqualTo(202);
            assertThat(a.post("/v1/events", Bodies.event("solo", "user-77", "openai/gpt-4o", "Write a poem about tea", 5, 5)).status()).isEqualTo(202);
            for (int i = 0; i < VIEWS.length; i++) {
                before[i] = view(a, VIEWS[i]);
            }
            assertThat(before[0].path("records").asLong()).isEqualTo(41);
        } finally {
            a.close();
        }
        assertThat(dir.resolve(SnapshotStore.FILE)).exists();
        String onDisk = read(dir.resolve(SnapshotStore.FILE));
        assertThat(onDisk).doesNotContain("user-77").as("user ids are stored as pseudonyms").doesNotContain("user-1\"");
        assertThat(onDisk).doesNotContain("poem about tea").as("no prompt text on disk");

        TestServer b = TestServer.start(c -> c.snapshotDir(dir).privacyK(2));
        try {
            for (int i = 0; i < VIEWS.length; i++) {
                assertThat(view(b, VIEWS[i])).as(VIEWS[i]).isEqualTo(before[i]);
            }
            // the same user after the restart is still one user: the pseudonym key was kept
            JsonNode solo = EndpointsIT.row(b.get("/v1/mix?by=model").json(), "gpt-4o", "creative_writing");
            assertThat(solo.path("suppressed").asBoolean()).isTrue();
            b.post("/v1/events", Bodies.event("solo2", "user-77", "openai/gpt-4o", "Write a poem about coffee", 5, 5));
            assertThat(EndpointsIT.row(b.get("/v1/mix?by=model").json(), "gpt-4o", "creative_writing").path("suppressed").asBoolean()).isTrue();
            b.post("/v1/events", Bodies.event("solo3", "user-78", "openai/gpt-4o", "Write a poem about rain", 5, 5));
            assertThat(EndpointsIT.row(b.get("/v1/mix?by=model").json(), "gpt-4o", "creative_writing").path("suppressed").asBoolean()).isFalse();
            assertThat(b.get("/v1/mix").json().path("records").asLong()).isEqualTo(43);
        } finally {
            b.close();
        }
        try (Stream<Path> files = list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SnapshotStore.FILE);
        }
    }

    @Test
    void snapshotsAreTakenAtTheIntervalSoACrashLosesAtMostOne() throws Exception {
        TestServer a = TestServer.start(b -> b.snapshotDir(dir).snapshotInterval(Duration.ofMillis(200)));
        TestServer b = null;
        try {
            assertThat(a.post("/v1/events", events(0, 12)).status()).isEqualTo(202);
            JsonNode before = view(a, "/v1/mix?by=model");
            long until = System.nanoTime() + 10_000_000_000L;
            while (!(Files.exists(dir.resolve(SnapshotStore.FILE)) && read(dir.resolve(SnapshotStore.FILE)).contains("\"changes\":12"))
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            // "crash": a second server reads the folder while the first was never stopped
            b = TestServer.start(c -> c.snapshotDir(dir));
            assertThat(view(b, "/v1/mix?by=model")).isEqualTo(before);
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    @Test
    void anUnreadableSnapshotStopsTheStartWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve(SnapshotStore.FILE), "{\"format\": 1, \"taxonomy\": ");
        try {
            TestServer.start(b -> b.snapshotDir(dir)).close();
            throw new AssertionError("started on a torn snapshot");
        } catch (org.promptcensus.api.CensusException e) {
            assertThat(e.getMessage()).contains("unreadable snapshot").contains("move it away");
        }
        Files.writeString(dir.resolve(SnapshotStore.FILE), "{\"format\":1,\"taxonomy\":\"other\",\"privacyK\":0,\"pseudonymKey\":\"AAAA\",\"changes\":0}");
        try {
            TestServer.start(b -> b.snapshotDir(dir)).close();
            throw new AssertionError("started on another taxonomy's snapshot");
        } catch (org.promptcensus.api.CensusException e) {
            assertThat(e.getMessage()).contains("taxonomy 'other'");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Stream<Path> list(Path d) {
        try {
            return Files.list(d);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
