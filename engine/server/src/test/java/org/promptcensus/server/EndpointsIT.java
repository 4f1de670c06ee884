package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.core.io.OutputOptions;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.TaggedWriter;

/** Every endpoint over real HTTP on loopback. */
class EndpointsIT {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(b -> { });
    }

    @AfterAll
    static void stop() {
        assertThat(s.server.internalErrors()).isZero();
        s.close();
    }

    static String expected(String body, String id, boolean explain) throws Exception {
        Request r = new RecordParser(FieldMapping.NONE).parse(body, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TaggedWriter w = new TaggedWriter(out, new OutputOptions(false, explain))) {
            w.write(TestEngine.engine().tag(r, explain));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tagAnswersTheEnginesOutputShape() throws Exception {
        String body = "{\"model\":\"openai/gpt-4o\",\"user\":\"u1\",\"tools\":[{\"type\":\"function\"}],\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are a senior engineer.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Write a Rust function that merges two sorted vectors\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:...\"}}]}]}";
        TestServer.Answer a = s.post("/v1/tag", body, "Content-Type", "application/json");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.body()).isEqualTo(expected(body, "1", false));
        JsonNode j = a.json();
        assertThat(j.path("tags").path("usecase").path(0).path("id").asText()).isEqualTo("programming");
        assertThat(j.path("model").asText()).isEqualTo("openai/gpt-4o");
        assertThat(j.path("tools").asInt()).isEqualTo(1);
        assertThat(j.has("messages")).as("prompt text is never echoed").isFalse();
        assertThat(j.path("warnings").toString()).contains("non_text_parts_ignored:1");
    }

    @Test
    void tagAcceptsEveryInputShapeAndExplains() throws Exception {
        for (String body : List.of("{\"text\":\"translate good morning into German\"}", "{\"prompt\":[\"write a limerick\",\"about cats\"]}",
                "{\"system\":\"You are Bob, a pirate.\",\"messages\":[{\"role\":\"user\",\"content\":\"*waves* ahoy!\"}]}",
                "{\"conversations\":[{\"from\":\"human\",\"value\":\"what is the capital of Peru?\"}]}",
                "{\"id\":\"g-1\",\"created\":1735689600,\"user\":\"u\",\"request\":{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"proofread: their going home\"}]},"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3},\"finish_reason\":\"stop\"}")) {
            TestServer.Answer a = s.post("/v1/tag?explain=true", body);
            assertThat(a.status()).as(body).isEqualTo(200);
            assertThat(a.body()).isEqualTo(expected(body, "1", true));
            assertThat(a.json().path("tags").path("usecase").path(0).has("evidence")).isTrue();
        }
        assertThat(s.post("/v1/tag?explain=maybe", "{\"text\":\"hi\"}").json().path("error").path("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void batchAnswersNdjsonInOrderForArraysAndNdjson() throws Exception {
        List<String> bodies = Bodies.chats(12, 7);
        String array = "[" + String.join(",", bodies) + "]";
        String ndjson = String.join("\n", bodies) + "\n\n";
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < bodies.size(); i++) {
            want.append(expected(bodies.get(i), String.valueOf(i + 1), false));
        }
        for (String body : List.of(array, ndjson)) {
            TestServer.Answer a = s.post("/v1/tag/batch", body, "Content-Type", "application/x-ndjson");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.header("Content-Type")).startsWith("application/x-ndjson");
            assertThat(a.body()).isEqualTo(want.toString());
        }
        // a bad record gets an error line in its place; the others are tagged
        TestServer.Answer mixed = s.post("/v1/tag/batch", "{\"text\":\"write a haiku\"}\n{oops\n{\"messages\":\"x\"}\n{\"text\":\"  \"}\n{\"text\":\"fix my python\"}\n");
        assertThat(mixed.status()).isEqualTo(200);
        String[] lines = mixed.body().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).contains("\"tags\"");
        assertThat(lines[1]).contains("\"index\":1").contains("bad_record").contains("record 2: malformed JSON");
        assertThat(lines[2]).contains("\"index\":2").contains("'messages' must be an array");
        assertThat(lines[3]).contains("\"index\":3").contains("no_text");
        assertThat(lines[4]).contains("\"id\":\"5\"");
        assertThat(s.post("/v1/tag/batch", "[]").body()).isEmpty();
        assertThat(s.post("/v1/tag/batch", "{\n  \"text\": \"pretty printed, one object\"\n}").body().split("\n")).hasSize(1);
    }

    @Test
    void eventsFeedTheMix() {
        TestServer fresh = TestServer.start(b -> b.privacyK(2));
        try {
            StringBuilder nd = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                nd.append(Bodies.event("e" + i, "user-" + (i % 3), "openai/gpt-4o", "Fix this NullPointerException in my Java code, attempt " + i, 100, 50)).append('\n');
            }
            nd.append(Bodies.event("e-poem", "user-9", "openai/gpt-4o", "Write a poem about the autumn rain", 10, 10)).append('\n');
            TestServer.Answer a = fresh.post("/v1/events", nd.toString());
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.json().path("accepted").asInt()).isEqualTo(7);
            assertThat(a.json().path("rejected").size()).isZero();
            TestServer.Answer one = fresh.post("/v1/events", Bodies.event("e7", "user-1", "anthropic/claude-3-5-sonnet",
                    "Fix this NullPointerException in my Java code", 40, 60));
            assertThat(one.status()).isEqualTo(202);
            // a batch with some bad records: the good ones count, the bad ones are listed
            TestServer.Answer partial = fresh.post("/v1/events", "[" + Bodies.event("e8", "user-2", "openai/gpt-4o", "Debug my Go program", 1, 1)
                    + ",{\"messages\":42},7]");
            assertThat(partial.status()).isEqualTo(202);
            assertThat(partial.json().path("accepted").asInt()).isEqualTo(1);
            assertThat(partial.json().path("rejected").findValuesAsText("code")).containsExactly("bad_record", "bad_record");
            assertThat(fresh.post("/v1/events", "[{\"messages\":42}]").status()).isEqualTo(400);

            JsonNode mix = fresh.get("/v1/mix?by=model").json();
            assertThat(mix.path("window").asText()).isEqualTo("all");
            assertThat(mix.path("records").asLong()).isEqualTo(9);
            assertThat(mix.path("spec").path("by").asText()).isEqualTo("model");
            assertThat(mix.path("spec").path("privacy_k").asInt()).isEqualTo(2);
            JsonNode prog = row(mix, "gpt-4o", "programming");
            assertThat(prog.path("suppressed").asBoolean()).isFalse();
            assertThat(prog.path("requests").asDouble()).isEqualTo(7.0);
            assertThat(prog.path("tokens").asDouble()).isEqualTo(6 * 150 + 2);
            JsonNode poem = row(mix, "gpt-4o", "creative_writing");
            assertThat(poem.path("suppressed").asBoolean()).as("one user: under the privacy floor").isTrue();
            assertThat(poem.path("share").isNull()).isTrue();
            assertThat(mix.path("notes").toString()).contains("suppressed");
            JsonNode byAll = fresh.get("/v1/mix?by=all&window=24h").json();
            assertThat(byAll.path("records").asLong()).isEqualTo(9);
            assertThat(byAll.path("rows").findValuesAsText("group")).containsOnly("all");
            assertThat(fresh.get("/v1/mix?by=author&window=7d").json().path("rows").findValuesAsText("group")).contains("openai");
            assertThat(fresh.get("/v1/mix?by=planet").json().path("error").path("code").asText()).isEqualTo("bad_request");
            assertThat(fresh.get("/v1/mix?window=3w").status()).isEqualTo(400);
            assertThat(fresh.get("/v1/mix?window=9999d").json().path("error").path("message").asText()).contains("retention");
        } finally {
            fresh.close();
        }
    }

    static JsonNode row(JsonNode mix, String group, String category) {
        for (JsonNode r : mix.path("rows")) {
            if (r.path("group").asText().equals(group) && r.path("category").asText().equals(category)) {
                return r;
            }
        }
        throw new AssertionError("no row " + group + "/" + category + " in " + mix);
    }

    @Test
    void taxonomiesHealthReadinessAndOpenapi() {
        JsonNode tax = s.get("/v1/taxonomies").json();
        assertThat(tax.path("taxonomies").path(0).path("id").asText()).isEqualTo("usecase");
        assertThat(tax.path("taxonomies").path(0).path("categories").findValuesAsText("id")).contains("programming", "roleplay", "other");
        assertThat(s.get("/healthz").json().path("status").asText()).isEqualTo("ok");
        assertThat(s.get("/readyz").status()).isEqualTo(200);
        JsonNode api = s.get("/openapi.json").json();
        assertThat(api.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrderElementsOf(Metrics.ENDPOINTS);
        assertThat(s.get("/nowhere").json().path("error").path("code").asText()).isEqualTo("not_found");
        TestServer.Answer wrongMethod = s.get("/v1/tag");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("error").path("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void notReadyUntilTheEngineIsBuilt() {
        TestServer starting = TestServer.start(b -> { }, false, Clock.systemUTC());
        try {
            assertThat(starting.get("/healthz").status()).isEqualTo(200);
            TestServer.Answer r = starting.get("/readyz");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().path("status").asText()).isEqualTo("starting");
            TestServer.Answer t = starting.post("/v1/tag", "{\"text\":\"hi there\"}");
            assertThat(t.status()).isEqualTo(503);
            assertThat(t.header("Retry-After")).isEqualTo("1");
            assertThat(t.json().path("error").path("code").asText()).isEqualTo("not_ready");
            assertThat(starting.get("/v1/mix").status()).as("the mix needs no engine").isEqualTo(200);
            starting.server.ready(TestEngine.engine());
            assertThat(starting.get("/readyz").status()).isEqualTo(200);
            assertThat(starting.post("/v1/tag", "{\"text\":\"hi there\"}").status()).isEqualTo(200);
        } finally {
            starting.close();
        }
        assertThat(starting.server.isReady()).isFalse();
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        s.post("/v1/tag", "{\"text\":\"write a sonnet about rain\"}");
        s.post("/v1/tag", "{\"messages\": 1}");
        TestServer.Answer m = s.get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.header("Content-Type")).startsWith("text/plain");
        String t = m.body();
        assertThat(t).contains("# TYPE census_http_requests_total counter")
                .containsPattern("census_http_requests_total\\{endpoint=\"/v1/tag\",method=\"POST\",status=\"200\"} [1-9]")
                .containsPattern("census_http_requests_total\\{endpoint=\"/v1/tag\",method=\"POST\",status=\"400\"} [1-9]")
                .contains("# TYPE census_http_request_duration_seconds histogram")
                .containsPattern("census_http_request_duration_seconds_bucket\\{endpoint=\"/v1/tag\",le=\"\\+Inf\"} [1-9]")
                .containsPattern("census_http_request_duration_seconds_count\\{endpoint=\"/v1/tag\"} [1-9]")
                .containsPattern("census_tags_total\\{taxonomy=\"usecase\",category=\"creative_writing\"} [1-9]")
                .containsPattern("census_errors_total\\{code=\"bad_record\"} [1-9]")
                .contains("census_internal_errors_total 0")
                .contains("census_ready 1")
                .contains("census_tagging_slots 2");
        for (String line : t.split("\n")) {
            assertThat(line).matches("# (HELP|TYPE) .*|[a-z_]+(\\{[^}]*})? [0-9.eE+-]+");
        }
    }
}
