package org.promptcensus.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

class RecordParserTest {
    private final RecordParser parser = new RecordParser(FieldMapping.NONE);

    @Test
    void readsPlainTextAndPrompt() {
        assertThat(parser.parse("{\"text\": \"hello there\"}", "7").messages())
                .containsExactly(new Message(Role.USER, "hello there"));
        Request r = parser.parse("{\"id\": \"a1\", \"prompt\": [\"one\", \"two\"]}", "7");
        assertThat(r.id()).isEqualTo("a1");
        assertThat(r.messages()).containsExactly(new Message(Role.USER, "one\ntwo"));
    }

    @Test
    void usesTheLineNumberWhenThereIsNoId() {
        assertThat(parser.parse("{\"text\": \"x\"}", "42").id()).isEqualTo("42");
    }

    @Test
    void readsOpenAiChatWithPartsAndCountsImages() {
        Request r = parser.parse("{\"model\": \"gpt-4o\", \"messages\": ["
                + "{\"role\": \"system\", \"content\": \"You are Aria.\"},"
                + "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"what is in this image?\"},"
                + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:...\"}}]}],"
                + "\"tools\": [{\"type\": \"function\"}, {\"type\": \"function\"}]}", "1");
        assertThat(r.messages()).containsExactly(new Message(Role.SYSTEM, "You are Aria."),
                new Message(Role.USER, "what is in this image?"));
        assertThat(r.nonTextParts()).isEqualTo(1);
        assertThat(r.toolCount()).isEqualTo(2);
        assertThat(r.model()).isEqualTo("gpt-4o");
    }

    @Test
    void readsShareGpt() {
        Request r = parser.parse("{\"conversations\": [{\"from\": \"human\", \"value\": \"hi\"},"
                + "{\"from\": \"gpt\", \"value\": \"hello\"}, {\"from\": \"human\", \"value\": \"tell me a joke\"}]}", "1");
        assertThat(r.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
    }

    @Test
    void readsGatewayRecordWithMetadata() {
        Request r = parser.parse("{\"id\": \"req-9\", \"created\": 1732700000, \"user\": \"u1\", \"model\": \"deepseek/deepseek-chat\","
                + "\"request\": {\"model\": \"ignored-inner\", \"messages\": [{\"role\": \"user\", \"content\": \"hey\"}]},"
                + "\"usage\": {\"prompt_tokens\": 12, \"completion_tokens\": 30, \"completion_tokens_details\": {\"reasoning_tokens\": 8}},"
                + "\"finish_reason\": \"stop\"}", "1");
        assertThat(r.id()).isEqualTo("req-9");
        assertThat(r.model()).isEqualTo("deepseek/deepseek-chat");
        assertThat(r.created()).isEqualTo(Instant.ofEpochSecond(1732700000));
        assertThat(r.user()).isEqualTo("u1");
        assertThat(r.usage().promptTokens()).isEqualTo(12);
        assertThat(r.usage().completionTokens()).isEqualTo(30);
        assertThat(r.usage().reasoningTokens()).isEqualTo(8);
        assertThat(r.finishReason()).isEqualTo("stop");
    }

    @Test
    void readsIsoTimestampsAsUtc() {
        assertThat(parser.parse("{\"text\": \"x\", \"created\": \"2025-05-01T10:00:00Z\"}", "1").created())
                .isEqualTo(Instant.parse("2025-05-01T10:00:00Z"));
        assertThat(parser.parse("{\"text\": \"x\", \"created\": \"2025-05-01 10:00:00.123456\"}", "1").created())
                .isEqualTo(Instant.parse("2025-05-01T10:00:00.123456Z"));
    }

    @Test
    void mapsOtherSchemasWithFieldPaths() {
        RecordParser mapped = new RecordParser(FieldMapping.parse(List.of("text=body.input", "user=meta.account",
                "prompt_tokens=stats.in", "model=meta.engine")));
        Request r = mapped.parse("{\"body\": {\"input\": \"translate bonjour\"}, \"meta\": {\"account\": \"acme\", \"engine\": \"m1\"},"
                + "\"stats\": {\"in\": 5}}", "1");
        assertThat(r.messages()).containsExactly(new Message(Role.USER, "translate bonjour"));
        assertThat(r.user()).isEqualTo("acme");
        assertThat(r.model()).isEqualTo("m1");
        assertThat(r.usage().promptTokens()).isEqualTo(5);
    }

    @Test
    void rejectsUnknownMappingName() {
        assertThatThrownBy(() -> FieldMapping.parse(List.of("colour=a.b")))
                .isInstanceOf(CensusException.class).hasMessageContaining("unknown name 'colour'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json", "[1, 2]", "\"just a string\"", "{\"messages\": \"hello\"}", "{\"messages\": [42]}",
            "{\"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}", "{\"text\": 42}",
            "{\"messages\": [{\"role\": \"user\", \"content\": {\"a\": 1}}]}", "{\"foo\": \"bar\"}",
            "{\"text\": \"x\", \"usage\": {\"prompt_tokens\": \"many\"}}", "{\"text\": \"x\", \"usage\": 3}",
            "{\"text\": \"x\", \"created\": \"yesterday\"}", "{\"text\": \"x\", \"tools\": \"all\"}",
            "{\"request\": 5}", "{\"text\": \"x\", \"model\": {\"name\": \"m\"}}"
    })
    void badRecordsGiveOneLineBadRecordErrors(String raw) {
        assertThatThrownBy(() -> parser.parse(raw, "1"))
                .isInstanceOfSatisfying(CensusException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_RECORD);
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void reportsUnknownTopLevelFields() {
        assertThat(parser.unknownFields(parser.tree("{\"text\": \"x\", \"colour\": \"red\", \"model\": \"m\"}")))
                .containsExactly("colour");
    }

    @Test
    void parsesATenMegabytePrompt() {
        String big = "a".repeat(10 << 20);
        assertThat(parser.parse("{\"text\": \"" + big + "\"}", "1").messages().get(0).content()).hasSize(10 << 20);
    }
}
