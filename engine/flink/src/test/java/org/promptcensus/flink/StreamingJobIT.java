package org.promptcensus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job on a MiniCluster with two slots against an in-process KRaft Kafka: tagged
 * records, windowed mixes and dead letters; then exactly-once output across a task failure.
 */
class StreamingJobIT {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Monday: the test's records fall in its first three hours. */
    private static final Instant WEEK = Instant.parse("2025-06-30T00:00:00Z");

    private static KafkaBroker kafka;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaBroker();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Simulated requests (fixed seed) whose times are spread over the first three hours of {@link #WEEK}. */
    private static List<String> requests(int n, long seed, String idPrefix) throws IOException {
        Path file = dir.resolve("sim-" + seed + ".jsonl");
        Census.run("simulate", "--requests", Integer.toString(n), "--seed", Long.toString(seed), "-o", file.toString(), "-q");
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode o = (ObjectNode) JSON.readTree(lines.get(i));
            o.put("id", idPrefix + o.get("id").asText());
            o.put("created", WEEK.plusSeconds(i * 3L * 3600 / lines.size()).toString());
            out.add(JSON.writeValueAsString(o));
        }
        return out;
    }

    private static String[] args(String name, String... more) {
        List<String> a = new ArrayList<>(List.of("--mode", "stream", "--bootstrap-servers", kafka.bootstrapServers(),
                "--input-topic", name + "-in", "--output-topic", name + "-out", "--mix-topic", name + "-mix",
                "--dead-letter-topic", name + "-dead", "--group-id", name, "--transactional-id-prefix", name,
                "--windows", "hour,week", "--out-of-orderness", "1s", "--allowed-lateness", "1min", "--idle-timeout", "2s",
                "--checkpoint-interval", "1s", "--privacy-k", "0", "--parallelism", "2",
                "--plugins-dir", dir.resolve("no-plugins").toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static void topics(String name) throws Exception {
        kafka.createTopic(name + "-in", 2);
        for (String t : List.of("-out", "-mix", "-dead")) {
            kafka.createTopic(name + t, 1);
        }
        Files.createDirectories(dir.resolve("no-plugins"));
    }

    @Test
    void tagsRecordsAndRollsThemUpIntoHourlyAndWeeklyMixes() throws Exception {
        String name = "census";
        topics(name);
        List<String> requests = requests(200, 11, "");
        // One record two weeks on in each partition moves the watermark past the test's windows.
        List<String> pushers = List.of(
                "{\"id\":\"push-0\",\"model\":\"openai/gpt-4o\",\"created\":\"2025-07-14T12:00:00Z\",\"text\":\"hello\"}",
                "{\"id\":\"push-1\",\"model\":\"openai/gpt-4o\",\"created\":\"2025-07-14T12:00:00Z\",\"text\":\"hello\"}");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CensusJob.build(env, JobOptions.parse(args(name)));
        JobClient job = env.executeAsync("census stream test");
        try {
            List<byte[]> values = new ArrayList<>();
            requests.forEach(r -> values.add(KafkaBroker.utf8(r)));
            values.add(KafkaBroker.utf8("{\"id\": \"broken\", \"text\": "));
            values.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            kafka.produce(name + "-in", 2, values);
            kafka.produce(name + "-in", 2, pushers.stream().map(KafkaBroker::utf8).toList());

            List<String> tagged = kafka.readCommitted(name + "-out", v -> v.size() >= 202, Duration.ofSeconds(2), Duration.ofSeconds(180));
            List<String> mixes = kafka.readCommitted(name + "-mix", v -> weeklyDocs(v) > 0, Duration.ofSeconds(3), Duration.ofSeconds(180));
            // Exactly-once output is visible after a checkpoint: on a busy machine that takes a while.
            assertThat(weeklyDocs(mixes)).as("weekly mix documents on the mix topic within 180 s (job status %s)",
                    job.getJobStatus().get()).isPositive();
            // After the windows fired: a record of their first hour is too late for their mixes, but still tagged.
            kafka.produce(name + "-in", 1, List.of(KafkaBroker.utf8(
                    "{\"id\":\"late-1\",\"model\":\"openai/gpt-4o\",\"created\":\"2025-06-30T00:10:00Z\",\"text\":\"hi\"}")));
            List<String> dead = kafka.readCommitted(name + "-dead", v -> v.size() >= 4, Duration.ofSeconds(2), Duration.ofSeconds(180));
            assertThat(kafka.readCommitted(name + "-out", v -> v.size() >= 203, Duration.ZERO, Duration.ofSeconds(180)))
                    .anyMatch(l -> l.startsWith("{\"id\":\"late-1\""));

            // the same tagged records as census tag, record for record
            Path in = dir.resolve("stream-in.jsonl");
            List<String> all = new ArrayList<>(requests);
            all.addAll(pushers);
            Files.write(in, all);
            Path ref = dir.resolve("stream-ref.jsonl");
            Census.run("tag", "-q", "--plugins-dir", dir.resolve("no-plugins").toString(), "-o", ref.toString(), in.toString());
            assertThat(tagged).as("job status %s", job.getJobStatus().get()).hasSize(202);
            assertThat(tagged.stream().sorted().toList()).containsExactlyElementsOf(Files.readAllLines(ref).stream().sorted().toList());

            // dead letters name the partition and offset; the late record is one per window kind it missed
            assertThat(dead).hasSize(4);
            List<String> late = new ArrayList<>();
            for (String d : dead) {
                JsonNode n = JSON.readTree(d);
                if (n.get("code").asText().equals(DeadLetter.LATE)) {
                    assertThat(n.get("id").asText()).isEqualTo("late-1");
                    late.add(n.get("source").asText());
                } else {
                    assertThat(n.get("source").asText()).startsWith(name + "-in-");
                    assertThat(n.get("code").asText()).isEqualTo("BAD_RECORD");
                }
            }
            assertThat(late).containsExactlyInAnyOrder("window:hour", "window:week");

            // the weekly windows hold the figures of census mix --period week; the hours add up to them
            Path refMix = dir.resolve("stream-mix.json");
            Path onlyRequests = dir.resolve("stream-requests.jsonl");
            Files.write(onlyRequests, requests);
            Census.run("mix", "-q", "--plugins-dir", dir.resolve("no-plugins").toString(), "--period", "week", "--privacy-k", "0",
                    "--format", "json", "-o", refMix.toString(), onlyRequests.toString());
            Map<String, JsonNode> expected = new TreeMap<>();
            for (JsonNode row : JSON.readTree(refMix.toFile()).get("rows")) {
                assertThat(row.get("period").asText()).isEqualTo("2025-06-30");
                expected.put(row.get("group").asText() + "/" + row.get("category").asText(), withoutPeriod(row));
            }
            Map<String, JsonNode> weekly = new TreeMap<>();
            Map<String, Double> hourlyRequests = new HashMap<>();
            Set<String> hours = new HashSet<>();
            for (JsonNode doc : latestRevisions(mixes)) {
                for (JsonNode row : doc.get("rows")) {
                    String key = row.get("group").asText() + "/" + row.get("category").asText();
                    if (doc.get("window").asText().equals("week")) {
                        assertThat(doc.get("start").asText()).isEqualTo("2025-06-30T00:00:00Z");
                        weekly.put(key, withoutPeriod(row));
                    } else {
                        hours.add(doc.get("start").asText());
                        hourlyRequests.merge(key, row.get("requests").asDouble(), Double::sum);
                    }
                }
            }
            assertThat(weekly).isEqualTo(expected);
            assertThat(hours).containsExactlyInAnyOrder("2025-06-30T00:00:00Z", "2025-06-30T01:00:00Z", "2025-06-30T02:00:00Z");
            Map<String, Double> weeklyRequests = new HashMap<>();
            expected.forEach((k, row) -> weeklyRequests.put(k, row.get("requests").asDouble()));
            assertThat(hourlyRequests).isEqualTo(weeklyRequests);
        } finally {
            job.cancel().get();
        }
    }

    private static long weeklyDocs(List<String> docs) {
        return docs.stream().filter(d -> d.contains("\"window\":\"week\"")).count();
    }

    private static JsonNode withoutPeriod(JsonNode row) {
        ObjectNode copy = row.deepCopy();
        copy.remove("period");
        return copy;
    }

    /** The highest revision of each (window, start, group). */
    private static List<JsonNode> latestRevisions(List<String> docs) throws IOException {
        Map<String, JsonNode> latest = new HashMap<>();
        for (String d : docs) {
            JsonNode n = JSON.readTree(d);
            String key = n.get("window").asText() + "/" + n.get("start").asText() + "/" + n.get("group").asText();
            JsonNode prev = latest.get(key);
            if (prev == null || prev.get("revision").asInt() < n.get("revision").asInt()) {
                latest.put(key, n);
            }
        }
        return new ArrayList<>(latest.values());
    }

    @Test
    void everyRecordIsWrittenExactlyOnceAcrossATaskFailure() throws Exception {
        String name = "eos";
        topics(name);
        List<String> requests = requests(300, 12, "eos-");
        Path marker = dir.resolve("failed-once");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobOptions options = JobOptions.parse(args(name));
        env.setParallelism(2);
        StreamingPipeline.build(env, options, new FailOnce(marker.toString(), 100));
        JobClient job = env.executeAsync("census exactly-once test");
        try {
            List<byte[]> first = requests.subList(0, 150).stream().map(KafkaBroker::utf8).toList();
            List<byte[]> second = requests.subList(150, 300).stream().map(KafkaBroker::utf8).toList();
            kafka.produce(name + "-in", 2, first);
            // Wait for a committed transaction (so a checkpoint completed), then send the rest: the failure comes after it.
            kafka.readCommitted(name + "-out", v -> !v.isEmpty(), Duration.ZERO, Duration.ofSeconds(60));
            kafka.produce(name + "-in", 2, second);

            List<String> out = kafka.readCommitted(name + "-out", v -> distinctIds(v).size() >= 300, Duration.ofSeconds(5),
                    Duration.ofSeconds(120));
            assertThat(Files.exists(marker)).as("the task failed once").isTrue();
            Set<String> ids = distinctIds(out);
            assertThat(ids).as("job status %s", job.getJobStatus().get()).hasSize(300);
            assertThat(out).as("each record exactly once").hasSize(300);
        } finally {
            job.cancel().get();
        }
    }

    private static Set<String> distinctIds(List<String> lines) {
        Set<String> ids = new HashSet<>();
        for (String l : lines) {
            try {
                ids.add(JSON.readTree(l).get("id").asText());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return ids;
    }

    /** Fails its task once, when it has passed K records, the first time any task gets there (a marker file remembers). */
    static final class FailOnce implements StreamingPipeline.Tap {
        private static final long serialVersionUID = 1L;
        private final String marker;
        private final long k;

        FailOnce(String marker, long k) {
            this.marker = marker;
            this.k = k;
        }

        @Override
        public DataStream<TaggedLine> apply(DataStream<TaggedLine> tagged) {
            String m = marker;
            long limit = k;
            return tagged.map(new org.apache.flink.api.common.functions.RichMapFunction<TaggedLine, TaggedLine>() {
                private static final long serialVersionUID = 1L;
                private final AtomicLong seen = new AtomicLong();

                @Override
                public TaggedLine map(TaggedLine t) throws Exception {
                    if (seen.incrementAndGet() == limit) {
                        try {
                            Files.createFile(Path.of(m));
                        } catch (java.nio.file.FileAlreadyExistsException e) {
                            return t;
                        }
                        throw new IllegalStateException("injected failure after " + limit + " records");
                    }
                    return t;
                }
            }).name("fail-once");
        }
    }
}
