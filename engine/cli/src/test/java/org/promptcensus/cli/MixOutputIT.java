package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code census mix} writes each format to stdout and to a file ({@code -o}), with exit code 0. */
class MixOutputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGGED = """
            {"id":"a","lang":"en","tags":{"usecase":[{"id":"roleplay","score":0.9}]},"model":"openai/gpt-4o-mini","created":"2025-03-12T14:03:22Z","user":"u1","usage":{"prompt_tokens":100,"completion_tokens":20}}
            {"id":"b","lang":"en","tags":{"usecase":[{"id":"programming","score":0.8},{"id":"technology","score":0.3}]},"model":"openai/gpt-4o-mini","created":1741788202,"user":"u2","usage":{"prompt_tokens":300,"completion_tokens":50}}
            {"id":"c","lang":"fr","tags":{"usecase":[{"id":"translation","score":0.7}]},"model":"acme/unknown-7b","created":"2025-03-12 14:03:22","usage":{"prompt_tokens":10}}
            """;

    @TempDir
    Path dir;

    @Test
    void jsonToAFileIsValidAndComplete() throws IOException {
        Path in = Files.writeString(dir.resolve("tagged.jsonl"), TAGGED);
        Path out = dir.resolve("mix.json");
        CliRunner.Result r = CliRunner.run("mix", in.toString(), "--format", "json", "--privacy-k", "0", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode doc = JSON.readTree(out.toFile());
        assertThat(doc.path("rows")).hasSize(3); // primary labels: two cells of gpt-4o-mini, one of the unknown model
        assertThat(Files.readString(out)).endsWith("}\n");
    }

    @Test
    void everyFormatGoesToStdoutToo() throws IOException {
        Path in = Files.writeString(dir.resolve("tagged.jsonl"), TAGGED);
        for (String format : new String[] {"json", "csv", "table"}) {
            CliRunner.Result r = CliRunner.run("mix", in.toString(), "--format", format, "--privacy-k", "0", "-q");
            assertThat(r.code()).as(format + ": " + r.err()).isZero();
            assertThat(r.out()).contains("gpt-4o-mini");
        }
        CliRunner.Result r = CliRunner.run("mix", in.toString(), "--format", "json", "--privacy-k", "0", "-q");
        assertThat(JSON.readTree(r.out()).path("rows")).hasSize(3);
    }
}
