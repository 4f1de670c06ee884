package org.promptcensus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job on a MiniCluster with two slots, against {@code census tag} and {@code census mix}
 * run in-process on the same input: the same tagged records, record for record, and the same mix,
 * figure for figure. The input is simulated traffic (fixed seed) in a plain and a gzipped file, and
 * a file of bad lines that must come out as dead letters without failing the job.
 */
class BatchJobIT {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void taggedRecordsAndMixEqualThoseOfTheCommandLine(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path plain = in.resolve("traffic.jsonl");
        Census.run("simulate", "--requests", "300", "--seed", "7", "-o", plain.toString(), "-q");
        Path simulated = dir.resolve("more.jsonl");
        Census.run("simulate", "--requests", "200", "--seed", "8", "-o", simulated.toString(), "-q");
        Path gz = in.resolve("more.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            // other ids than the first file's
            out.write(Files.readString(simulated).replace("\"id\":\"", "\"id\":\"gz-").getBytes(StandardCharsets.UTF_8));
        }
        Path bad = in.resolve("bad.jsonl");
        try (OutputStream out = Files.newOutputStream(bad)) {
            out.write("{\"id\": \"ok-1\", \"model\": \"openai/gpt-4o\", \"text\": \"write a haiku about rain\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"id\": \"broken\", \"text\": \n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            out.write("{\"id\": \"empty\", \"text\": \"   \"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("\n{\"id\": \"ok-2\", \"model\": \"openai/gpt-4o\", \"text\": \"translate 'bonjour' to English\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plugins = Files.createDirectories(dir.resolve("no-plugins"));
        List<String> files = List.of(plain.toString(), gz.toString(), bad.toString());

        // the reference: the command line, in-process
        Path refTagged = dir.resolve("ref-tagged.jsonl");
        Path refMix = dir.resolve("ref-mix.json");
        List<String> tagArgs = new ArrayList<>(List.of("tag", "-q", "--plugins-dir", plugins.toString(), "-o", refTagged.toString()));
        tagArgs.addAll(files);
        Census.run(tagArgs.toArray(new String[0]));
        List<String> mixArgs = new ArrayList<>(List.of("mix", "-q", "--plugins-dir", plugins.toString(), "--format", "json",
                "-o", refMix.toString()));
        mixArgs.addAll(files);
        Census.run(mixArgs.toArray(new String[0]));

        // the job, reading the folder
        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CensusJob.build(env, JobOptions.parse(new String[] {"--mode", "batch", "--input", in.toString(), "--output",
                out.toString(), "--plugins-dir", plugins.toString(), "--parallelism", "2"}));
        env.execute("census batch test");

        List<String> expected = sorted(Files.readAllLines(refTagged));
        List<String> actual = sorted(readParts(out.resolve("tagged")));
        assertThat(expected).hasSize(300 + 200 + 2);
        assertThat(actual).containsExactlyElementsOf(expected);

        JsonNode refDoc = JSON.readTree(refMix.toFile());
        JsonNode jobDoc = JSON.readTree(out.resolve("mix.json").toFile());
        assertThat(refDoc.get("rows").size()).isGreaterThan(10);
        assertThat(jobDoc.get("rows")).isEqualTo(refDoc.get("rows"));
        assertThat(jobDoc.get("spec")).isEqualTo(refDoc.get("spec"));
        assertThat(jobDoc.get("notes")).isEqualTo(refDoc.get("notes"));

        List<JsonNode> dead = new ArrayList<>();
        for (String line : readParts(out.resolve("dead-letters"))) {
            dead.add(JSON.readTree(line));
        }
        assertThat(dead).hasSize(3);
        assertThat(dead).allSatisfy(d -> assertThat(d.get("source").asText()).endsWith("bad.jsonl"));
        assertThat(dead.stream().map(d -> d.get("position").asLong() + " " + d.get("code").asText()))
                .containsExactlyInAnyOrder("2 BAD_RECORD", "3 BAD_RECORD", "4 NO_TEXT");
        assertThat(dead.stream().filter(d -> d.get("position").asLong() == 3).findFirst().orElseThrow().get("reason").asText())
                .isEqualTo("invalid UTF-8");
    }

    private static List<String> readParts(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).sorted().toList();
    }
}
