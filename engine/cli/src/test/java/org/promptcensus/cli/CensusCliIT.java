package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code census} command in-process against the bundled taxonomy and model. */
class CensusCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("census.root", "../.."));

    @TempDir
    Path dir;

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void tagsTheBundledSampleInInputOrderWithoutText() throws IOException {
        Path sample = ROOT.resolve("corpora/samples/requests.jsonl");
        CliRunner.Result r = CliRunner.run("tag", sample.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize((int) Files.lines(sample).count());
        assertThat(out.get(0).get("id").asText()).isEqualTo("req-0001");
        assertThat(out.get(out.size() - 1).get("id").asText()).isEqualTo("req-0030");
        for (JsonNode n : out) {
            JsonNode tags = n.get("tags").get("usecase");
            assertThat(tags.size()).isPositive();
            assertThat(tags.get(0).get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(n.has("messages")).isFalse();
            assertThat(n.get("model").asText()).contains("/");
            assertThat(n.get("usage").get("prompt_tokens").asLong()).isPositive();
        }
        assertThat(r.out()).doesNotContain("linked list");
        assertThat(r.err()).contains("30 records read, 30 tagged, 0 skipped");
    }

    @Test
    void clearCasesGetTheirCategory() throws IOException {
        String in = String.join("\n",
                "{\"id\": \"p\", \"text\": \"Write a Python function that parses an ISO date string and returns a datetime; add unit tests with pytest.\"}",
                "{\"id\": \"t\", \"text\": \"Translate to Spanish: where is the nearest train station?\"}",
                "{\"id\": \"r\", \"messages\": [{\"role\": \"system\", \"content\": \"You are {{char}}, a cheerful tavern keeper. Stay in character and write {{char}}'s next reply.\"}, {\"role\": \"user\", \"content\": \"*pushes the door open* One ale, please.\"}]}",
                "{\"id\": \"z\", \"text\": \"帮我把这句话翻译成英文：明天的会议推迟到下午三点。\"}");
        CliRunner.Result r = CliRunner.withStdin(in, "tag", "-");
        assertThat(r.code()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).extracting(n -> n.get("tags").get("usecase").get(0).get("id").asText())
                .containsExactly("programming", "translation", "roleplay", "translation");
        assertThat(out.get(3).get("lang").asText()).isEqualTo("zh");
    }

    @Test
    void badLinesAreReportedWithFileAndLineAndGoodOnesStillComeOut() throws IOException {
        Path f = dir.resolve("mixed.jsonl");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("{\"text\": \"how do I bake sourdough bread\"}\n"
                + "{broken json\n"
                + "{\"text\": \"   \"}\n"
                + "{\"messages\": \"not a list\"}\n"
                + "{\"text\": \"x\", \"colour\": \"red\"}\n"
                + "{\"text\": \"").getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        b.write(("\"}\n{\"text\": \"" + "word ".repeat(2_200_000) + "\"}\n{\"text\": \"tell me a joke\"}\n").getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        Path out = dir.resolve("out.jsonl");
        CliRunner.Result r = CliRunner.run("tag", f.toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("mixed.jsonl:2: malformed JSON")
                .contains("mixed.jsonl:3: id 3: empty prompt")
                .contains("mixed.jsonl:4: 'messages' must be an array")
                .contains("mixed.jsonl:5: unknown field 'colour' ignored")
                .contains("mixed.jsonl:6: invalid UTF-8")
                .contains("mixed.jsonl:7: id 7: 11,000,000 characters")
                .contains("8 records read, 4 tagged, 4 skipped");
        assertThat(lines(Files.readString(out))).extracting(n -> n.get("id").asText()).containsExactly("1", "5", "7", "8");
    }

    @Test
    void strictMakesTheFirstBadRecordFatal() {
        CliRunner.Result r = CliRunner.withStdin("{\"text\": \"hello\"}\n{oops\n{\"text\": \"again\"}\n", "tag", "--strict");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-:2: malformed JSON").contains("--strict");
        assertThat(r.out().lines().count()).isEqualTo(1);
    }

    @Test
    void textModePrintsATableWithEvidence() {
        CliRunner.Result r = CliRunner.run("tag", "--text", "I want you to act as a linux terminal. My first command is pwd");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("language: en").contains("programming").contains("p(programming)");
    }

    @Test
    void keepTextAndExplainAddFields() throws IOException {
        CliRunner.Result r = CliRunner.withStdin("{\"text\": \"write a haiku about rain\"}\n", "tag", "--keep-text", "--explain");
        JsonNode n = lines(r.out()).get(0);
        assertThat(n.get("messages").get(0).get("content").asText()).isEqualTo("write a haiku about rain");
        assertThat(n.get("tags").get("usecase").get(0).get("evidence").size()).isPositive();
    }

    @Test
    void csvInputWithATextColumn() throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "id,prompt\na,\"Write a SQL query that counts orders per customer\"\nb,\"Translate 'good night' into German\"\n");
        CliRunner.Result r = CliRunner.run("tag", f.toString(), "--text-column", "prompt");
        assertThat(lines(r.out())).extracting(n -> n.get("id").asText()).containsExactly("a", "b");
    }

    @Test
    void usageErrorsExitWithTwoAndAOneLineMessage() {
        CliRunner.Result unknown = CliRunner.run("tag", "--no-such-option");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option");
        CliRunner.Result taxonomy = CliRunner.run("tag", "--taxonomy", "nope", "--text", "hi");
        assertThat(taxonomy.code()).isEqualTo(2);
        assertThat(taxonomy.err().strip()).startsWith("census: no taxonomy 'nope'").doesNotContain("\n");
        CliRunner.Result missing = CliRunner.run("tag", dir.resolve("absent.jsonl").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void taxonomyCommandListsAndShows() {
        CliRunner.Result list = CliRunner.run("taxonomy");
        assertThat(list.out()).contains("usecase");
        CliRunner.Result show = CliRunner.run("taxonomy", "usecase");
        assertThat(show.out()).contains("programming").contains("model: yes").contains("education");
    }

    @Test
    void trainsAUserTaxonomyAndTagsWithIt() throws IOException {
        Path tax = dir.resolve("tone");
        Files.createDirectories(tax);
        Files.writeString(tax.resolve("taxonomy.yaml"), "id: tone\ncategories:\n  - id: polite\n    threshold: 0.5\n"
                + "  - id: rude\n    threshold: 0.5\n");
        StringBuilder corpus = new StringBuilder();
        String[] polite = {"please could you help me", "thank you so much kindly", "would you please be so kind", "many thanks in advance, please"};
        String[] rude = {"do it now idiot", "shut up and answer", "you are useless, hurry up", "stupid bot, answer now"};
        for (int i = 0; i < 10; i++) {
            corpus.append("{\"messages\": [{\"role\": \"user\", \"content\": \"").append(polite[i % 4]).append(' ').append(i)
                    .append("\"}], \"labels\": {\"tone\": [\"polite\"]}}\n");
            corpus.append("{\"messages\": [{\"role\": \"user\", \"content\": \"").append(rude[i % 4]).append(' ').append(i)
                    .append("\"}], \"labels\": {\"tone\": [\"rude\"]}}\n");
        }
        Path c = dir.resolve("tone.jsonl");
        Files.writeString(c, corpus);
        CliRunner.Result train = CliRunner.run("train", "--taxonomy-dir", tax.toString(), "--corpus", c.toString(), "--iterations", "50");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(tax.resolve("model.bin")).exists();
        assertThat(tax.resolve("rules.bin")).exists();
        assertThat(train.err()).contains("rules.bin");
        CliRunner.Result tag = CliRunner.withStdin("{\"text\": \"please, thank you kindly\"}\n{\"text\": \"shut up, useless bot\"}\n",
                "tag", "--taxonomy-dir", tax.toString(), "--taxonomy", "tone");
        assertThat(lines(tag.out())).extracting(n -> n.get("tags").get("tone").get(0).get("id").asText())
                .containsExactly("polite", "rude");
        CliRunner.Result eval = CliRunner.run("eval", "--taxonomy-dir", tax.toString(), "--taxonomy", "tone",
                "--gold", c.toString(), "--json", "--min-support", "1");
        assertThat(eval.code()).isZero();
        assertThat(JSON.readTree(eval.out()).get("overall").get("accuracy").asDouble()).isGreaterThan(0.9);
    }
}
