package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promptcensus.core.io.formats.FormatSamples.fixture;
import static org.promptcensus.core.io.formats.FormatSamples.head;
import static org.promptcensus.core.io.formats.FormatSamples.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.RecordStream;

class FormatRegistryTest {
    private final FormatRegistry registry = FormatRegistry.builtIn();

    @Test
    void detectsEveryRealSample() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("litellm-spendlogs-row.json", "litellm"),
                Map.entry("litellm-standard-logging-payload.json", "litellm"),
                Map.entry("langfuse-trace-export-openai-agents.json", "langfuse"),
                Map.entry("langfuse-trace-export-vertex-gemini.json", "langfuse"),
                // a Langfuse export of an OTel span: read as Langfuse (otel-genai reads it the same with --format)
                Map.entry("otel-genai-attributes-via-langfuse-pydantic-ai.json", "langfuse"),
                Map.entry("openai-batch-input-chat-completions.jsonl", "openai-batch"),
                Map.entry("openai-batch-input-responses-api.jsonl", "openai-batch"),
                Map.entry("openai-batch-output-chat-completions.jsonl", "openai-batch"),
                Map.entry("openai-stored-chat-completions-list.json", "openai-stored"),
                Map.entry("openai-stored-chat-completion-messages.json", "openai-stored"));
        expected.forEach((file, format) ->
                assertThat(registry.detect(head(sample(file)), file).name()).as(file).isEqualTo(format));
    }

    @Test
    void detectsEveryFixture() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("litellm-spendlogs-stored-prompts.jsonl", "litellm"),
                Map.entry("litellm-standard-logging-payloads.json", "litellm"),
                Map.entry("langfuse-trace-broken-usage.json", "langfuse"),
                Map.entry("langfuse-observations-export.jsonl", "langfuse"),
                Map.entry("anthropic-requests.jsonl", "anthropic"),
                Map.entry("anthropic-batch-requests.jsonl", "anthropic"),
                Map.entry("anthropic-batch-results.jsonl", "anthropic"),
                Map.entry("gemini-requests.jsonl", "gemini"),
                Map.entry("gemini-batch-input.jsonl", "gemini"),
                Map.entry("gemini-batch-output.jsonl", "gemini"),
                Map.entry("otel-genai-spans.jsonl", "otel-genai"),
                Map.entry("openrouter-generations.jsonl", "openrouter"),
                Map.entry("helicone-export.jsonl", "helicone"),
                Map.entry("helicone-export.csv", "helicone"),
                Map.entry("portkey-logs.jsonl", "portkey"),
                Map.entry("openai-batch-responses-output.jsonl", "openai-batch"));
        expected.forEach((file, format) ->
                assertThat(registry.detect(head(fixture(file)), file).name()).as(file).isEqualTo(format));
    }

    @Test
    void canonicalJsonLinesAndTaggedOutputAreTheDefault() {
        Path requests = Path.of(System.getProperty("census.root", "../..")).resolve("corpora/samples/requests.jsonl");
        if (requests.toFile().isFile()) {
            assertThat(registry.detect(head(requests)).name()).isEqualTo("canonical");
        }
        assertThat(registry.detect("{\"text\": \"hello\"}\n{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n").name())
                .isEqualTo("canonical");
        assertThat(registry.detect("{broken\n{\"text\": \"the second line is fine\"}\n").name()).isEqualTo("canonical");
        assertThat(registry.detect("{\"id\": \"1\", \"lang\": \"en\", \"tags\": {\"usecase\": [{\"id\": \"other\", \"score\": 0.9}]}}\n").name())
                .isEqualTo("canonical");
        assertThat(registry.detect("").name()).isEqualTo("canonical");
        // a first record longer than the head (a pasted document, an inline image)
        assertThat(registry.detect("{\"id\": \"1\", \"text\": \"" + "word ".repeat(20_000)).name()).isEqualTo("canonical");
        assertThat(registry.detect("{\"custom_id\": \"1\", \"method\": \"POST\", \"body\": {\"messages\": [{\"role\": \"user\", \"content\": \""
                + "word ".repeat(20_000)).name()).isEqualTo("openai-batch");
        // An OpenAI-style request is canonical; a Claude one is Anthropic's.
        assertThat(registry.detect("{\"model\": \"claude-3-5-haiku\", \"max_tokens\": 5, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n").name())
                .isEqualTo("anthropic");
    }

    @Test
    void anAmbiguousHeadNamesTheCandidates() {
        String both = "{\"custom_id\": \"r1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"params\": {\"model\": \"x\"},"
                + " \"body\": {\"model\": \"x\", \"messages\": []}}\n";
        assertThatThrownBy(() -> registry.detect(both, "mixed.jsonl"))
                .isInstanceOfSatisfying(CensusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                .hasMessage("cannot tell the input format of mixed.jsonl: it could be openai-batch or anthropic; use --format NAME");
    }

    @Test
    void anUnknownHeadNamesTheFormats() {
        assertThatThrownBy(() -> registry.detect("{\"foo\": 1}\n", "x.jsonl"))
                .isInstanceOf(CensusException.class)
                .hasMessageStartingWith("cannot tell the input format of x.jsonl: no known format; formats are canonical, litellm, langfuse, "
                        + "openai-batch, openai-stored, anthropic, gemini, otel-genai, openrouter, helicone, portkey")
                .hasMessageEndingWith("use --format NAME");
        String schema = head(sample("otel-genai-input-messages.schema.json")); // a JSON Schema, not records
        assertThatThrownBy(() -> registry.detect(schema, "schema")).hasMessageContaining("no known format");
    }

    @Test
    void pluginsAddFormats() {
        InputFormat acme = new InputFormat() {
            @Override
            public String name() {
                return "acme";
            }

            @Override
            public double sniff(String head) {
                return head.contains("\"acme_version\"") ? 1 : 0;
            }

            @Override
            public RecordStream read(List<InputSource> inputs) {
                throw new UnsupportedOperationException();
            }
        };
        FormatRegistry r = FormatRegistry.builtIn().register(acme);
        assertThat(r.detect("{\"acme_version\": 2}").name()).isEqualTo("acme");
        assertThat(r.require("ACME")).isSameAs(acme);
        assertThat(r.names()).endsWith("acme");
        assertThatThrownBy(() -> r.register(acme)).isInstanceOfSatisfying(CensusException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PLUGIN_FAILED));
        assertThatThrownBy(() -> r.require("nope")).hasMessageStartingWith("unknown input format 'nope'; formats are canonical,");
    }
}
