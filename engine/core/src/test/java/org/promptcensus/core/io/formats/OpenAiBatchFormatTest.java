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

class OpenAiBatchFormatTest {
    private final OpenAiBatchFormat format = new OpenAiBatchFormat();

    @Test
    void chatInputJoinedWithItsOutputInEitherOrder() {
        for (boolean outputFirst : new boolean[] {false, true}) {
            List<Request> rs = outputFirst
                    ? requests(read(format, sample("openai-batch-output-chat-completions.jsonl"), sample("openai-batch-input-chat-completions.jsonl")))
                    : requests(read(format, sample("openai-batch-input-chat-completions.jsonl"), sample("openai-batch-output-chat-completions.jsonl")));
            assertThat(rs).extracting(Request::id).containsExactly("request-1", "request-2");
            Request r1 = rs.get(0);
            assertThat(r1.model()).isEqualTo("gpt-4o-mini"); // the model asked for
            assertThat(roles(r1)).containsExactly(Role.SYSTEM, Role.USER);
            assertThat(text(r1, Role.SYSTEM)).isEqualTo("You are a helpful assistant.");
            assertThat(text(r1, Role.USER)).startsWith("Hello world!");
            assertThat(r1.usage()).isEqualTo(new Usage(20L, 10L, 0L, 0L));
            assertThat(r1.created()).isEqualTo(Instant.ofEpochSecond(1734986202));
            assertThat(r1.user()).isNull();
            assertThat(r1.finishReason()).isEqualTo("stop");
            Request r2 = rs.get(1);
            assertThat(text(r2, Role.SYSTEM)).startsWith("You are an unhelpful assistant.");
            assertThat(r2.usage()).isEqualTo(new Usage(22L, 10L, 0L, 0L));
            assertThat(r2.finishReason()).isEqualTo("length");
            assertThat(r2.created()).isEqualTo(Instant.ofEpochSecond(1734986203));
        }
    }

    @Test
    void inputAloneHasThePromptButNoUsage() {
        List<Request> rs = requests(read(format, sample("openai-batch-input-chat-completions.jsonl")));
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).usage().isEmpty()).isTrue();
        assertThat(rs.get(0).finishReason()).isNull();
    }

    @Test
    void outputAloneIsMetadataOnly() {
        List<Request> rs = requests(read(format, sample("openai-batch-output-chat-completions.jsonl")));
        assertThat(rs).extracting(Request::id).containsExactly("request-1", "request-2");
        assertThat(rs.get(0).messages()).isEmpty();
        assertThat(rs.get(0).model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(rs.get(0).usage()).isEqualTo(new Usage(20L, 10L, 0L, 0L));
    }

    @Test
    void responsesApiInputsWithInstructionsAndTheirOutputs() {
        List<Request> rs = requests(read(format, sample("openai-batch-input-responses-api.jsonl"),
                fixture("openai-batch-responses-output.jsonl")));
        assertThat(rs).extracting(Request::id).containsExactly("qa-T-001", "qa-T-002", "qa-T-003", "qa-T-009");
        Request t1 = rs.get(0);
        assertThat(t1.model()).isEqualTo("gpt-5.4-nano");
        assertThat(roles(t1)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(t1, Role.SYSTEM)).startsWith("Return concise internal support QA tags");
        assertThat(text(t1, Role.USER)).startsWith("{\"ticket_id\": \"T-001\"");
        assertThat(t1.finishReason()).isEqualTo("max_output_tokens");
        assertThat(t1.usage()).isEqualTo(new Usage(300L, 160L, 160L, null));
        Request t2 = rs.get(1);
        assertThat(t2.usage()).isEqualTo(new Usage(310L, 90L, 64L, 128L));
        assertThat(t2.finishReason()).isEqualTo("completed");
        assertThat(t2.created()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(rs.get(2).finishReason()).isEqualTo("error");
        Request orphan = rs.get(3);
        assertThat(orphan.messages()).as("an output without its input").isEmpty();
        assertThat(orphan.usage()).isEqualTo(new Usage(10L, 2L, null, null));
    }

    @Test
    void responsesInputSampleAlone() {
        List<Request> rs = requests(read(format, sample("openai-batch-input-responses-api.jsonl")));
        assertThat(rs).hasSize(3);
        assertThat(text(rs.get(2), Role.USER)).contains("I want a refund for order O-1003");
        assertThat(rs.get(2).created()).isNull();
    }
}
