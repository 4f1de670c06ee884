package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.io.formats.FormatSamples.fixture;
import static org.promptcensus.core.io.formats.FormatSamples.read;
import static org.promptcensus.core.io.formats.FormatSamples.roles;
import static org.promptcensus.core.io.formats.FormatSamples.text;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.ReadResult;

/** No licensed OpenRouter sample exists: fixtures follow the documented generation fields. */
class OpenRouterFormatTest {
    private final OpenRouterFormat format = new OpenRouterFormat();

    @Test
    void generationRecordsWithAndWithoutContent() {
        List<ReadResult> results = read(format, fixture("openrouter-generations.jsonl"));
        assertThat(results).hasSize(3);
        Request meta = results.get(0).request();
        assertThat(meta.id()).isEqualTo("gen-1741000000-abc");
        assertThat(meta.model()).isEqualTo("anthropic/claude-3.7-sonnet");
        assertThat(meta.messages()).as("metadata only without content logging").isEmpty();
        assertThat(meta.usage()).as("native counts first").isEqualTo(new Usage(1620L, 210L, 80L, 1024L));
        assertThat(meta.created()).isEqualTo(Instant.parse("2025-03-03T10:00:00Z"));
        assertThat(meta.user()).isEqualTo("app-user-3");
        assertThat(meta.finishReason()).isEqualTo("stop");
        assertThat(meta.costUsd()).isEqualTo(0.00801, within(1e-12));

        Request withContent = results.get(1).request();
        assertThat(roles(withContent)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(withContent, Role.SYSTEM)).startsWith("{{char}} is a knight");
        assertThat(withContent.usage()).isEqualTo(new Usage(40L, 300L, null, null));
        assertThat(withContent.finishReason()).isEqualTo("length");

        ReadResult broken = results.get(2);
        assertThat(broken.position()).isEqualTo(3);
        assertThat(broken.error()).startsWith("data.created_at: is not a time");
    }

    @Test
    void activityAggregatesAreNotRequests() {
        List<ReadResult> r = FormatSamples.readText(format, "activity.json",
                "[{\"date\": \"2025-03-03\", \"model\": \"openai/gpt-4o\", \"requests\": 10, \"prompt_tokens\": 100, \"native_tokens_prompt\": 1}]");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).error()).contains("daily activity aggregate");
    }
}
