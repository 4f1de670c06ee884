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

/** No real Gemini REST sample is published (the Vertex one inside a Langfuse export is in LangfuseFormatTest). */
class GeminiFormatTest {
    private final GeminiFormat format = new GeminiFormat();

    @Test
    void requestsResponsesAndPairs() {
        List<Request> rs = requests(read(format, fixture("gemini-requests.jsonl")));
        assertThat(rs).hasSize(3);
        Request body = rs.get(0);
        assertThat(body.model()).isEqualTo("gemini-2.5-pro");
        assertThat(roles(body)).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(text(body, Role.SYSTEM)).isEqualTo("You are a maths tutor.");
        assertThat(text(body, Role.USER)).startsWith("Solve x^2 - 4 = 0");
        assertThat(text(body, Role.ASSISTANT)).as("thoughts and function calls are not text").isEmpty();
        assertThat(text(body, Role.TOOL)).contains("\"roots\"");
        assertThat(body.nonTextParts()).isEqualTo(1);
        assertThat(body.toolCount()).isEqualTo(2);

        Request pair = rs.get(1);
        assertThat(pair.id()).isEqualTo("resp-1");
        assertThat(pair.model()).isEqualTo("gemini-2.5-flash");
        assertThat(roles(pair)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(pair, Role.USER)).startsWith("Name three French painters");
        // snake_case; thinking tokens are part of the completion and its reasoning
        assertThat(pair.usage()).isEqualTo(new Usage(9L, 37L, 30L, 4L));
        assertThat(pair.finishReason()).isEqualTo("MAX_TOKENS");
        assertThat(pair.created()).isEqualTo(Instant.parse("2025-09-01T12:00:00.123456Z"));

        Request response = rs.get(2);
        assertThat(response.messages()).isEmpty();
        assertThat(response.id()).isEqualTo("resp-2");
        assertThat(response.model()).isEqualTo("gemini-2.0-flash-001");
        assertThat(response.finishReason()).isEqualTo("SAFETY");
        assertThat(response.usage()).isEqualTo(new Usage(3L, 1L, null, null));
    }

    @Test
    void batchInputJoinedWithOutputByKey() {
        List<Request> rs = requests(read(format, fixture("gemini-batch-input.jsonl"), fixture("gemini-batch-output.jsonl")));
        assertThat(rs).extracting(Request::id).containsExactly("k1", "k2");
        assertThat(rs.get(0).finishReason()).isEqualTo("MAX_TOKENS");
        assertThat(rs.get(0).usage()).isEqualTo(new Usage(5L, 50L, null, null));
        Request k2 = rs.get(1);
        assertThat(roles(k2)).containsExactly(Role.USER);
        assertThat(text(k2, Role.USER)).isEqualTo("Explain TCP slow start");
        assertThat(k2.usage()).isEqualTo(new Usage(6L, 320L, 200L, null));
        assertThat(k2.model()).isEqualTo("gemini-2.5-flash");
    }
}
