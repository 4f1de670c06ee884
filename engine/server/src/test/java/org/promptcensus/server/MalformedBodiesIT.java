package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of malformed bodies: each is a 400 with a JSON error naming the problem, never a 500. */
class MalformedBodiesIT {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(b -> b.maxBodyBytes(1L << 20));
    }

    @AfterAll
    static void stop() {
        assertThat(s.server.internalErrors()).as("no malformed body reached the 500 handler").isZero();
        assertThat(s.get("/metrics").body()).contains("census_internal_errors_total 0");
        s.close();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String str) {
                out.writeBytes(str.getBytes(StandardCharsets.UTF_8));
            } else {
                for (int b : (int[]) p) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty body", bytes(""), "bad_record", "empty body"),
                Arguments.of("whitespace only", bytes(" \n\t "), "bad_record", "empty body"),
                Arguments.of("truncated object", bytes("{"), "bad_record", "malformed JSON"),
                Arguments.of("truncated inside messages", bytes("{\"messages\": [{\"role\": \"user\", \"content\": \"hi"), "bad_record", "malformed JSON"),
                Arguments.of("not JSON at all", bytes("write me a poem"), "bad_record", "malformed JSON"),
                Arguments.of("a JSON array", bytes("[{\"text\": \"hi\"}]"), "bad_record", "expected a JSON object, got array"),
                Arguments.of("a JSON string", bytes("\"hello\""), "bad_record", "got string"),
                Arguments.of("a JSON number", bytes("42"), "bad_record", "got number"),
                Arguments.of("JSON null", bytes("null"), "bad_record", "got null"),
                Arguments.of("trailing garbage", bytes("{\"text\": \"hi\"} trailing"), "bad_record", "malformed JSON"),
                Arguments.of("two objects", bytes("{\"text\": \"a\"}{\"text\": \"b\"}"), "bad_record", "malformed JSON"),
                Arguments.of("single quotes", bytes("{'text': 'hi'}"), "bad_record", "malformed JSON"),
                Arguments.of("NaN number", bytes("{\"text\": \"hi\", \"usage\": {\"prompt_tokens\": NaN}}"), "bad_record", "malformed JSON"),
                Arguments.of("messages is a string", bytes("{\"messages\": \"hi\"}"), "bad_record", "'messages' must be an array"),
                Arguments.of("message is not an object", bytes("{\"messages\": [\"hi\"]}"), "bad_record", "messages[0] must be an object"),
                Arguments.of("content is a number", bytes("{\"messages\": [{\"role\": \"user\", \"content\": 42}]}"), "bad_record", "messages[0].content"),
                Arguments.of("text part is not a string", bytes("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 5}]}]}"),
                        "bad_record", "'text' must be a string"),
                Arguments.of("unknown role", bytes("{\"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}"), "bad_record", "unknown role"),
                Arguments.of("no messages, no text", bytes("{\"model\": \"gpt-4o\", \"temperature\": 0.2}"), "bad_record", "no text"),
                Arguments.of("empty object", bytes("{}"), "bad_record", "no text"),
                Arguments.of("empty messages", bytes("{\"messages\": []}"), "no_text", "no user or system text"),
                Arguments.of("blank text", bytes("{\"text\": \"   \"}"), "no_text", "no user or system text"),
                Arguments.of("text is a number", bytes("{\"text\": 12}"), "bad_record", "'text' must be a string"),
                Arguments.of("prompt list with a number", bytes("{\"prompt\": [\"a\", 1]}"), "bad_record", "list of strings"),
                Arguments.of("request is a number", bytes("{\"request\": 5}"), "bad_record", "'request' must be an object"),
                Arguments.of("request string not JSON", bytes("{\"request\": \"{not json\"}"), "bad_record", "'request' is a string but not JSON"),
                Arguments.of("negative token count", bytes("{\"text\": \"hi\", \"usage\": {\"prompt_tokens\": -5}}"), "bad_record", "non-negative integer"),
                Arguments.of("fractional token count", bytes("{\"text\": \"hi\", \"usage\": {\"prompt_tokens\": 1.5}}"), "bad_record", "non-negative integer"),
                Arguments.of("huge token count", bytes("{\"text\": \"hi\", \"usage\": {\"completion_tokens\": 99999999999999999999999}}"), "bad_record", "non-negative integer"),
                Arguments.of("usage is a string", bytes("{\"text\": \"hi\", \"usage\": \"lots\"}"), "bad_record", "'usage' must be an object"),
                Arguments.of("created is not a time", bytes("{\"text\": \"hi\", \"created\": \"yesterday\"}"), "bad_record", "'created' is not a time"),
                Arguments.of("created is a boolean", bytes("{\"text\": \"hi\", \"created\": true}"), "bad_record", "'created' must be"),
                Arguments.of("tools is a string", bytes("{\"text\": \"hi\", \"tools\": \"all\"}"), "bad_record", "'tools' must be an array"),
                Arguments.of("id is an object", bytes("{\"text\": \"hi\", \"id\": {\"a\": 1}}"), "bad_record", "'id' must be a string"),
                Arguments.of("model is an array", bytes("{\"text\": \"hi\", \"model\": [1]}"), "bad_record", "'model' must be a string"),
                Arguments.of("nesting too deep", bytes("{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"text\": \"hi\"}"), "bad_record", "malformed JSON"),
                Arguments.of("invalid UTF-8 byte", bytes("{\"text\": \"caf", new int[] {0xFF, 0xFE}, "\"}"), "bad_record", "invalid UTF-8 at byte 13"),
                Arguments.of("overlong UTF-8", bytes("{\"text\": \"", new int[] {0xC0, 0xAF}, "\"}"), "bad_record", "invalid UTF-8"),
                Arguments.of("truncated multi-byte", bytes("{\"text\": \"caf", new int[] {0xC3}), "bad_record", "invalid UTF-8"),
                Arguments.of("UTF-8-encoded surrogate", bytes("{\"text\": \"", new int[] {0xED, 0xA0, 0x80}, "\"}"), "bad_record", "invalid UTF-8"),
                Arguments.of("Latin-1 body", bytes("{\"text\": \"d", new int[] {0xE9}, "j", new int[] {0xE0}, " vu\"}"), "bad_record", "invalid UTF-8"),
                Arguments.of("control character in string", bytes("{\"text\": \"a\u0001b\"}"), "bad_record", "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void tagAnswers400WithAJsonError(String name, byte[] body, String code, String fragment) {
        TestServer.Answer a = s.post("/v1/tag", body, "Content-Type", "application/json");
        assertThat(a.status()).as(name + ": " + a.body()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode err = a.json().path("error");
        assertThat(err.path("code").asText()).isEqualTo(code);
        assertThat(err.path("message").asText()).contains(fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eventsAnswer400WithAJsonError(String name, byte[] body, String code, String fragment) {
        TestServer.Answer a = s.post("/v1/events", body);
        if (name.equals("a JSON array")) {
            assertThat(a.status()).as("an array is a batch of events").isEqualTo(202);
            return;
        }
        assertThat(a.status()).as(name + ": " + a.body()).isEqualTo(400);
        assertThat(a.json().path("error").path("code").asText()).isIn("bad_record", "no_text");
        assertThat(a.json().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void batchBodiesThatAreNotArraysOrNdjsonOfObjectsAre400() {
        for (String body : new String[] {"[{\"text\": \"hi\"},", "[1, 2", "", " \n ", "[{\"text\": \"a\"}] extra"}) {
            TestServer.Answer a = s.post("/v1/tag/batch", body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().path("error").path("code").asText()).isEqualTo("bad_record");
        }
        // records that are not objects get error lines in place
        TestServer.Answer lines = s.post("/v1/tag/batch", "[1, {\"text\": \"write a haiku\"}, null]");
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.body().split("\n")).hasSize(3);
        assertThat(lines.body().split("\n")[0]).contains("expected a JSON object, got number");
        assertThat(s.post("/v1/tag/batch", bytes("{\"text\": \"", new int[] {0xFF}, "\"}")).status()).isEqualTo(400);
        // NDJSON lines that are not objects, or not JSON, get error lines too
        TestServer.Answer nd = s.post("/v1/tag/batch", "\"text\"\n{\"text\": \"write a haiku\"}\n{oops");
        assertThat(nd.status()).isEqualTo(200);
        assertThat(nd.body().split("\n")).hasSize(3);
        assertThat(nd.body().split("\n")[0]).contains("got string");
        assertThat(nd.body().split("\n")[2]).contains("record 3: malformed JSON");
    }
}
