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

class LiteLlmFormatTest {
    private final LiteLlmFormat format = new LiteLlmFormat();

    @Test
    void spendLogRowWithoutStoredPromptsIsMetadataOnly() {
        List<Request> rs = requests(read(format, sample("litellm-spendlogs-row.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.id()).isEqualTo("chatcmpl-2283081b-dc89-41f6-93e6-d4f914774027");
        assertThat(r.model()).isEqualTo("gpt-4o");
        assertThat(r.messages()).isEmpty();
        assertThat(r.created()).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371Z"));
        assertThat(r.user()).isNull(); // "user" and "end_user" are empty strings
        assertThat(r.usage()).isEqualTo(new Usage(10L, 20L, null, null));
        assertThat(r.finishReason()).isNull(); // only inside a stored response
        assertThat(r.costUsd()).isEqualTo(0.000225, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.toolCount()).isZero();
    }

    @Test
    void standardLoggingPayloadHasThePromptAndTheResponse() {
        List<Request> rs = requests(read(format, sample("litellm-standard-logging-payload.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.id()).isEqualTo("chatcmpl-2299b6a2-82a3-465a-b47c-04e685a2227f");
        assertThat(r.model()).isEqualTo("gpt-4o");
        assertThat(roles(r)).containsExactly(Role.USER);
        assertThat(text(r, Role.USER)).startsWith("Hello, world!");
        assertThat(r.created()).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371Z"));
        assertThat(r.user()).isNull();
        assertThat(r.usage()).isEqualTo(new Usage(10L, 20L, null, null));
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.costUsd()).isEqualTo(0.000225, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void storedPromptsJsonColumnsAndABrokenRow() {
        List<ReadResult> results = read(format, fixture("litellm-spendlogs-stored-prompts.jsonl"));
        assertThat(results).hasSize(3);
        Request a = results.get(0).request();
        assertThat(roles(a)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(a, Role.USER)).startsWith("Write a query that counts orders");
        assertThat(a.model()).isEqualTo("gpt-4o-mini");
        assertThat(a.user()).isEqualTo("customer-42"); // end_user before the internal user
        assertThat(a.usage()).isEqualTo(new Usage(1200L, 100L, 0L, 1024L));
        assertThat(a.finishReason()).isEqualTo("tool_calls");
        assertThat(a.toolCount()).isEqualTo(2);
        assertThat(a.created()).isEqualTo(Instant.parse("2025-03-02T14:05:09.123456Z"));

        ReadResult broken = results.get(1);
        assertThat(broken.request()).isNull();
        assertThat(broken.position()).isEqualTo(2);
        assertThat(broken.error()).startsWith("prompt_tokens: expected a number");

        Request failed = results.get(2).request();
        assertThat(failed.messages()).isEmpty();
        assertThat(failed.user()).isEqualTo("internal-7");
        assertThat(failed.finishReason()).isEqualTo("error");
    }

    @Test
    void payloadArrayWithEpochTimesAndRedaction() {
        List<Request> rs = requests(read(format, fixture("litellm-standard-logging-payloads.json")));
        assertThat(rs).hasSize(2);
        Request b1 = rs.get(0);
        assertThat(roles(b1)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(b1, Role.SYSTEM)).startsWith("You are Captain Mara");
        assertThat(b1.nonTextParts()).isEqualTo(1);
        assertThat(b1.created()).isEqualTo(Instant.parse("2025-03-02T14:05:09.500Z"));
        assertThat(b1.user()).isEqualTo("customer-9");
        assertThat(b1.toolCount()).isEqualTo(1);
        assertThat(b1.usage()).isEqualTo(new Usage(900L, 120L, null, 512L));
        assertThat(b1.finishReason()).isEqualTo("stop");
        Request b2 = rs.get(1);
        assertThat(b2.messages()).as("redacted messages are no prompt").isEmpty();
        assertThat(b2.created()).isEqualTo(Instant.parse("2025-03-02T14:10:00Z"));
    }

    @Test
    void sniffsBothShapes() {
        assertThat(format.sniff(FormatSamples.head(sample("litellm-spendlogs-row.json")))).isGreaterThanOrEqualTo(0.5);
        assertThat(format.sniff(FormatSamples.head(sample("litellm-standard-logging-payload.json")))).isGreaterThanOrEqualTo(0.5);
        assertThat(format.sniff("{\"text\": \"hello\"}\n")).isZero();
    }
}
