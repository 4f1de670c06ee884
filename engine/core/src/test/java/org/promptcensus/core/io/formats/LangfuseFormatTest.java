package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.io.formats.FormatSamples.fixture;
import static org.promptcensus.core.io.formats.FormatSamples.read;
import static org.promptcensus.core.io.formats.FormatSamples.requests;
import static org.promptcensus.core.io.formats.FormatSamples.roles;
import static org.promptcensus.core.io.formats.FormatSamples.sample;
import static org.promptcensus.core.io.formats.FormatSamples.text;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.ReadResult;

class LangfuseFormatTest {
    private final LangfuseFormat format = new LangfuseFormat();

    @Test
    void openAiAgentsTraceGivesOneRequestPerGeneration() {
        List<Request> rs = requests(read(format, sample("langfuse-trace-export-openai-agents.json")));
        assertThat(rs).extracting(Request::id).containsExactly("90d94774e8e3724d", "98870087af69bf06");
        Request second = rs.get(0); // the later call: after the tool ran
        assertThat(second.model()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(roles(second)).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(text(second, Role.SYSTEM)).isEqualTo("You are a helpful agent.");
        assertThat(text(second, Role.USER)).startsWith("What's the weather in Tokyo?");
        assertThat(text(second, Role.TOOL)).startsWith("The weather in Tokyo is sunny.");
        assertThat(second.usage()).isEqualTo(new Usage(85L, 29L, 0L, 0L));
        assertThat(second.created()).isEqualTo(Instant.parse("2025-09-30T09:04:01.001Z"));
        assertThat(second.user()).isNull();
        assertThat(second.finishReason()).isEqualTo("completed"); // the Responses API status
        assertThat(second.toolCount()).isEqualTo(1);
        assertThat(second.costUsd()).isEqualTo(0.000402, within(1e-12));

        Request first = rs.get(1);
        assertThat(roles(first)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(first.usage()).isEqualTo(new Usage(55L, 15L, 0L, 0L));
        assertThat(first.created()).isEqualTo(Instant.parse("2025-09-30T09:03:59.963Z"));
        assertThat(first.finishReason()).isEqualTo("completed");
    }

    @Test
    void vertexGeminiTrace() {
        List<Request> rs = requests(read(format, sample("langfuse-trace-export-vertex-gemini.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.id()).isEqualTo("125abcbf5c41f4df");
        assertThat(r.model()).isEqualTo("gemini-2.5-flash"); // from the Vertex resource path
        assertThat(roles(r)).containsExactly(Role.USER);
        assertThat(text(r, Role.USER)).startsWith("What is Langfuse?");
        // Langfuse's usage leaves out Gemini's thinking tokens (its total is 2023): not guessed here.
        assertThat(r.usage()).isEqualTo(new Usage(5L, 845L, null, null));
        assertThat(r.created()).isEqualTo(Instant.parse("2025-08-01T12:31:01.518Z"));
        assertThat(r.user()).isNull();
        assertThat(r.finishReason()).isEqualTo("STOP"); // the SDK's enum number 1
        assertThat(r.costUsd()).isEqualTo(0.00085, within(1e-12));
    }

    @Test
    void pydanticAiOtelSpanIngestedByLangfuse() {
        List<Request> rs = requests(read(format, sample("otel-genai-attributes-via-langfuse-pydantic-ai.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.id()).isEqualTo("8ffb64580a84a3f0");
        assertThat(r.model()).isEqualTo("gemini-2.5-flash");
        assertThat(roles(r)).containsExactly(Role.USER);
        assertThat(text(r, Role.USER)).startsWith("what is 1+1?");
        assertThat(r.usage()).isEqualTo(new Usage(40L, 159L, 121L, null)); // thoughts from gen_ai.usage.details
        assertThat(r.created()).isEqualTo(Instant.parse("2025-12-24T06:01:17.850Z"));
        assertThat(r.user()).isNull();
        assertThat(r.finishReason()).isEqualTo("stop");
    }

    @Test
    void aBrokenGenerationIsReportedWithItsPathAndTheOthersComeThrough() {
        List<ReadResult> results = read(format, fixture("langfuse-trace-broken-usage.json"));
        assertThat(results).hasSize(3);
        Request o1 = results.get(0).request();
        assertThat(o1.id()).isEqualTo("o-1");
        assertThat(roles(o1)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(o1.user()).isEqualTo("user-77");
        // OpenAI integration: input and output leave out cached and reasoning tokens; the total shows it
        assertThat(o1.usage()).isEqualTo(new Usage(120L, 10L, 6L, 100L));
        assertThat(o1.costUsd()).isEqualTo(0.00014, within(1e-12));

        ReadResult o2 = results.get(1);
        assertThat(o2.request()).isNull();
        assertThat(o2.source()).isEqualTo("langfuse-trace-broken-usage.json");
        assertThat(o2.position()).isEqualTo(1);
        assertThat(o2.error()).startsWith("observations[2].usageDetails.input: expected a number");

        Request o3 = results.get(2).request();
        assertThat(o3.messages()).as("no input: metadata only").isEmpty();
        assertThat(o3.usage()).isEqualTo(new Usage(7L, 2L, null, null));
        assertThat(o3.model()).isEqualTo("gpt-4o-mini");
        assertThat(o3.user()).isEqualTo("user-77");
    }

    @Test
    void observationRowsOfTheBatchExport() {
        List<Request> rs = requests(read(format, fixture("langfuse-observations-export.jsonl")));
        assertThat(rs).hasSize(2);
        Request a = rs.get(0);
        assertThat(roles(a)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(a, Role.USER)).isEqualTo("Summarise this memo");
        assertThat(a.user()).isEqualTo("u-1");
        assertThat(a.finishReason()).isEqualTo("end_turn");
        assertThat(a.usage()).isEqualTo(new Usage(50L, 10L, null, null));
        Request b = rs.get(1);
        assertThat(text(b, Role.USER)).isEqualTo("Plain prompt text");
        assertThat(b.usage()).isEqualTo(new Usage(3L, 4L, null, null));
    }
}
