package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promptcensus.core.io.formats.FormatSamples.read;
import static org.promptcensus.core.io.formats.FormatSamples.readText;
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

class OpenAiStoredFormatTest {
    private final OpenAiStoredFormat format = new OpenAiStoredFormat();

    @Test
    void listJoinedWithItsMessages() {
        List<Request> rs = requests(read(format, sample("openai-stored-chat-completions-list.json"),
                sample("openai-stored-chat-completion-messages.json")));
        assertThat(rs).hasSize(1);
        Request r = rs.get(0);
        assertThat(r.id()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2");
        assertThat(r.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(roles(r)).containsExactly(Role.USER);
        assertThat(text(r, Role.USER)).startsWith("write a haiku about ai");
        assertThat(r.usage()).isEqualTo(new Usage(13L, 18L, null, null));
        assertThat(r.created()).isEqualTo(Instant.ofEpochSecond(1738960610));
        assertThat(r.user()).isNull();
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.toolCount()).isZero();
    }

    @Test
    void messagesFirstWorksToo() {
        List<Request> rs = requests(read(format, sample("openai-stored-chat-completion-messages.json"),
                sample("openai-stored-chat-completions-list.json")));
        assertThat(rs).hasSize(1);
        assertThat(text(rs.get(0), Role.USER)).isEqualTo("write a haiku about ai");
    }

    @Test
    void listAloneIsMetadataOnly() {
        List<Request> rs = requests(read(format, sample("openai-stored-chat-completions-list.json")));
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).messages()).isEmpty();
        assertThat(rs.get(0).usage().totalTokens()).isEqualTo(31);
    }

    @Test
    void messagesOfAnotherCompletionAndUserMetadata() {
        String list = "{\"object\": \"list\", \"data\": [{\"object\": \"chat.completion\", \"id\": \"chatcmpl-X\", \"model\": \"gpt-4.1\","
                + " \"created\": 1740000000, \"metadata\": {\"user_id\": \"acct-5\"}, \"tools\": [{\"type\": \"function\"}],"
                + " \"choices\": [{\"finish_reason\": \"tool_calls\", \"message\": {\"role\": \"assistant\"}}],"
                + " \"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 7}}]}";
        String messages = "{\"object\": \"list\", \"data\": [{\"id\": \"chatcmpl-X-0\", \"role\": \"developer\", \"content\": \"Be terse.\"},"
                + " {\"id\": \"chatcmpl-X-1\", \"role\": \"user\", \"content\": null, \"content_parts\": [{\"type\": \"text\", \"text\": \"ping\"}]},"
                + " {\"id\": \"chatcmpl-Y-0\", \"role\": \"user\", \"content\": \"orphan\"}]}";
        List<Request> rs = requests(FormatSamples.readBoth(format, "messages.json", messages, "list.json", list));
        assertThat(rs).extracting(Request::id).containsExactly("chatcmpl-X", "chatcmpl-Y");
        Request x = rs.get(0);
        assertThat(roles(x)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(x, Role.USER)).isEqualTo("ping");
        assertThat(x.user()).isEqualTo("acct-5");
        assertThat(x.toolCount()).isEqualTo(1);
        assertThat(x.finishReason()).isEqualTo("tool_calls");
        assertThat(rs.get(1).usage().isEmpty()).isTrue();
        assertThat(readText(format, "x.json", list)).hasSize(1);
    }
}
