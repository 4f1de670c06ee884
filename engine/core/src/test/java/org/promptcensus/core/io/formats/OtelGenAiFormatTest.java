package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
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

class OtelGenAiFormatTest {
    private final OtelGenAiFormat format = new OtelGenAiFormat();

    @Test
    void currentConventionsAgentAndToolSpansAreNotRequests() {
        List<ReadResult> all = read(format, fixture("otel-genai-spans.jsonl"));
        List<ReadResult> first = all.stream().filter(r -> r.position() == 1).toList();
        assertThat(first).hasSize(3);
        Request chat = first.get(0).request();
        assertThat(chat.id()).isEqualTo("aa02");
        assertThat(chat.model()).isEqualTo("gpt-4o");
        assertThat(roles(chat)).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(text(chat, Role.SYSTEM)).isEqualTo("You are a support agent for Acme.");
        assertThat(text(chat, Role.USER)).startsWith("My invoice is wrong");
        assertThat(text(chat, Role.TOOL)).isEqualTo("invoice 7: 120 EUR");
        assertThat(chat.usage()).isEqualTo(new Usage(120L, 30L, 10L, 64L));
        assertThat(chat.created()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456789Z"));
        assertThat(chat.user()).isEqualTo("u-1");
        assertThat(chat.finishReason()).isEqualTo("tool_call");
        assertThat(chat.toolCount()).isEqualTo(2);

        Request metadataOnly = first.get(1).request();
        assertThat(metadataOnly.id()).isEqualTo("aa04");
        assertThat(metadataOnly.messages()).as("content attributes are opt-in").isEmpty();
        assertThat(metadataOnly.usage()).isEqualTo(new Usage(200L, 40L, null, null));
        assertThat(metadataOnly.user()).isEqualTo("resource-user");
        assertThat(metadataOnly.finishReason()).isEqualTo("stop");

        ReadResult broken = first.get(2);
        assertThat(broken.request()).isNull();
        assertThat(broken.error()).isEqualTo(
                "resourceSpans[0].scopeSpans[0].spans[4].attributes.gen_ai.usage.input_tokens: expected a number, got \"n/a\"");
    }

    @Test
    void legacyAttributesEventsAndOpenInference() {
        List<Request> rs = requests(read(format, fixture("otel-genai-spans.jsonl")).stream().filter(r -> r.position() == 2).toList());
        assertThat(rs).extracting(Request::id).containsExactly("bb01", "bb02", "bb03", "bb04");
        Request flat = rs.get(0);
        assertThat(flat.model()).isEqualTo("gpt-3.5-turbo");
        assertThat(roles(flat)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(flat, Role.USER)).isEqualTo("Where is the station?");
        assertThat(flat.usage()).isEqualTo(new Usage(50L, 12L, null, null));
        assertThat(flat.finishReason()).isEqualTo("length");
        assertThat(flat.toolCount()).isEqualTo(1);
        assertThat(flat.created()).isEqualTo(Instant.parse("2025-01-02T12:00:00Z"));

        Request events = rs.get(1);
        assertThat(roles(events)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(events, Role.USER)).isEqualTo("Describe the sea");
        assertThat(events.finishReason()).isEqualTo("stop");

        Request promptEvent = rs.get(2);
        assertThat(text(promptEvent, Role.USER)).isEqualTo("Once upon a time");
        assertThat(promptEvent.usage()).isEqualTo(new Usage(4L, null, null, null));

        Request openInference = rs.get(3);
        assertThat(openInference.model()).isEqualTo("gpt-4o-mini");
        assertThat(text(openInference, Role.USER)).isEqualTo("What is 2+2?");
        assertThat(openInference.usage()).isEqualTo(new Usage(11L, 2L, null, null));
        assertThat(openInference.toolCount()).isEqualTo(1);
    }

    @Test
    void theLangfuseExportedPydanticAiSpan() {
        List<Request> rs = requests(read(format, sample("otel-genai-attributes-via-langfuse-pydantic-ai.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.model()).isEqualTo("gemini-2.5-flash");
        assertThat(roles(r)).containsExactly(Role.USER);
        assertThat(text(r, Role.USER)).startsWith("what is 1+1?\nOutput format:");
        assertThat(r.usage()).isEqualTo(new Usage(40L, 159L, 121L, null));
        assertThat(r.created()).isEqualTo(Instant.parse("2025-12-24T06:01:17.850Z"));
        assertThat(r.user()).isNull();
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.costUsd()).isEqualTo(0.0004095, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void sniffing() {
        assertThat(format.sniff(FormatSamples.head(fixture("otel-genai-spans.jsonl")))).isGreaterThan(0.9);
        assertThat(format.sniff(FormatSamples.head(sample("otel-genai-attributes-via-langfuse-pydantic-ai.json"))))
                .as("a Langfuse export: Langfuse is the better guess").isLessThan(0.5);
    }
}
