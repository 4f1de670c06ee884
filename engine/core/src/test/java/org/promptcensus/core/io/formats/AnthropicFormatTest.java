package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promptcensus.core.io.formats.FormatSamples.fixture;
import static org.promptcensus.core.io.formats.FormatSamples.read;
import static org.promptcensus.core.io.formats.FormatSamples.requests;
import static org.promptcensus.core.io.formats.FormatSamples.roles;
import static org.promptcensus.core.io.formats.FormatSamples.text;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.ReadResult;

/** No real sample is published for Anthropic: fixtures follow the documented fields. */
class AnthropicFormatTest {
    private final AnthropicFormat format = new AnthropicFormat();

    @Test
    void requestBodiesWithBlocksToolsAndUser() {
        List<ReadResult> results = read(format, fixture("anthropic-requests.jsonl"));
        assertThat(results).hasSize(3);
        Request r = results.get(0).request();
        assertThat(r.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(roles(r)).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER);
        assertThat(text(r, Role.SYSTEM)).isEqualTo("You are a careful code reviewer.");
        assertThat(text(r, Role.USER)).startsWith("Review this function");
        assertThat(text(r, Role.TOOL)).isEqualTo("1 failed");
        assertThat(r.messages().get(4).content()).isEqualTo("What do the tests say?");
        assertThat(r.messages().get(2).content()).as("thinking and tool use are not text").isEmpty();
        assertThat(r.nonTextParts()).isEqualTo(1);
        assertThat(r.toolCount()).isEqualTo(1);
        assertThat(r.user()).isEqualTo("user-1234");
        assertThat(r.usage().isEmpty()).isTrue();

        ReadResult broken = results.get(1);
        assertThat(broken.position()).isEqualTo(2);
        assertThat(broken.error()).isEqualTo("messages[0].content: expected a string or a list of parts, got number");

        Request pair = results.get(2).request();
        assertThat(pair.model()).isEqualTo("claude-opus-4-1");
        assertThat(text(pair, Role.USER)).startsWith("Write a limerick");
        assertThat(pair.user()).isEqualTo("user-9");
        assertThat(pair.finishReason()).isEqualTo("end_turn");
        // input_tokens leaves out the cache: the prompt count adds reads and writes back
        assertThat(pair.usage()).isEqualTo(new Usage(134L, 40L, null, 100L));
        assertThat(pair.created()).isEqualTo(Instant.parse("2025-08-20T09:30:00Z"));
    }

    @Test
    void messageBatchRequestsJoinedWithResults() {
        List<Request> rs = requests(read(format, fixture("anthropic-batch-results.jsonl"), fixture("anthropic-batch-requests.jsonl")));
        assertThat(rs).extracting(Request::id).containsExactly("req-a", "req-b");
        Request a = rs.get(0);
        assertThat(roles(a)).containsExactly(Role.USER);
        assertThat(text(a, Role.USER)).startsWith("Translate 'good morning'");
        assertThat(a.usage()).isEqualTo(new Usage(15L, 6L, null, null));
        assertThat(a.finishReason()).isEqualTo("end_turn");
        assertThat(a.created()).as("batch results carry no time").isNull();
        Request b = rs.get(1);
        assertThat(roles(b)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(b.finishReason()).isEqualTo("errored");
        assertThat(b.usage().isEmpty()).isTrue();
    }

    @Test
    void sniffing() {
        assertThat(format.sniff(FormatSamples.head(fixture("anthropic-batch-requests.jsonl")))).isGreaterThan(0.9);
        assertThat(format.sniff(FormatSamples.head(fixture("anthropic-batch-results.jsonl")))).isGreaterThan(0.9);
        assertThat(format.sniff(FormatSamples.head(fixture("anthropic-requests.jsonl")))).isGreaterThanOrEqualTo(0.85);
        assertThat(format.sniff("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n")).isZero();
    }
}
