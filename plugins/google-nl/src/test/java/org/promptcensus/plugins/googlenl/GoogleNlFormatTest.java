package org.promptcensus.plugins.googlenl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

class GoogleNlFormatTest {
    private final GoogleNlFormat format = new GoogleNlFormat();

    @Test
    void readsTheFixture() throws IOException {
        List<ReadResult> results = read("/classify-text.jsonl");
        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.error()).isNull());
        assertThat(results).extracting(ReadResult::position).containsExactly(1L, 2L, 3L, 5L, 6L);

        Request first = results.get(0).request();
        assertThat(first.id()).isEqualTo("nl-1");
        assertThat(first.model()).isEqualTo("deepseek/deepseek-chat");
        assertThat(first.created()).isEqualTo(Instant.parse("2025-05-12T09:30:00Z"));
        assertThat(first.user()).isEqualTo("u1");
        assertThat(first.usage()).isEqualTo(new Usage(1200L, 300L, null, null));
        assertThat(first.messages()).containsExactly(
                new Message(Role.SYSTEM, "[google-nl] /Games/Roleplaying Games 0.81; /Adult 0.62"));

        Request second = results.get(1).request();
        assertThat(second.created()).isEqualTo(Instant.ofEpochSecond(1747042200L));
        assertThat(Bridge.find(second).orElseThrow()).containsExactly(
                new NlCategory("/Computers & Electronics/Programming/Java (Programming Language)", 0.93));

        Request third = results.get(2).request();
        assertThat(third.messages()).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(third.messages().get(1).content()).startsWith("Translate 'where is the train station'");
        assertThat(third.usage()).isEqualTo(Usage.UNKNOWN);

        assertThat(results.get(3).request().usage()).isEqualTo(new Usage(300L, 120L, null, null));
        assertThat(results.get(4).request().id()).isEqualTo("nl-5");
        assertThat(results.get(4).request().model()).isNull();
    }

    @Test
    void reportsBadRecordsWithTheFieldAndGoesOn() throws IOException {
        List<ReadResult> results = read("/classify-text-bad.jsonl");
        assertThat(results).hasSize(7);
        assertThat(results.subList(0, 6)).extracting(ReadResult::error).containsExactly(
                "categories: not an array",
                results.get(1).error(),
                "categories[0].name: missing or not a /Path",
                "categories[0].confidence: missing or not a number in [0, 1]",
                "categories: empty, and no text: nothing to tag",
                "usage.prompt_tokens: not a non-negative integer");
        assertThat(results.get(1).error()).startsWith("malformed JSON");
        assertThat(results.get(6).request().id()).isEqualTo("ok-7");
        assertThat(results).extracting(ReadResult::source).containsOnly("fixture");
    }

    @Test
    void sniffsItsOwnShapeOnly() throws IOException {
        String head;
        try (InputStream in = getClass().getResourceAsStream("/classify-text.jsonl")) {
            head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(format.sniff(head)).isGreaterThan(0.5);
        assertThat(format.sniff("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")).isZero();
        assertThat(format.sniff("{\"categories\": [{\"name\": \"/Adult\", \"confid")).isEqualTo(0.5);
        assertThat(format.sniff("")).isZero();
    }

    private List<ReadResult> read(String resource) throws IOException {
        List<ReadResult> out = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(resource); RecordStream s = format.read(List.of(new InputSource("fixture", in)))) {
            s.forEachRemaining(out::add);
        }
        return out;
    }
}
