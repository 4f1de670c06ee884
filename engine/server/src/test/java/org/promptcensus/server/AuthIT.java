package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens: 401 without a valid one on /v1/*, 200 with one; health, readiness, metrics and the document stay open. */
class AuthIT {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(b -> b.tokens(Set.of("s3cret-token", "second-token")));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void v1WithoutAValidTokenIs401() {
        String body = "{\"text\":\"write a haiku\"}";
        TestServer.Answer none = s.post("/v1/tag", body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.json().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(s.post("/v1/tag", body, "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(s.post("/v1/tag", body, "Authorization", "Basic czNjcmV0LXRva2Vu").status()).isEqualTo(401);
        assertThat(s.post("/v1/tag", body, "Authorization", "Bearer s3cret-token-but-longer").status()).isEqualTo(401);
        assertThat(s.post("/v1/tag", body, "Authorization", "Bearer ").status()).isEqualTo(401);
        for (String path : new String[] {"/v1/mix", "/v1/taxonomies"}) {
            assertThat(s.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(s.post("/v1/tag/batch", body).status()).isEqualTo(401);
        assertThat(s.post("/v1/events", body).status()).isEqualTo(401);
        assertThat(s.get("/v1/nothing-here").status()).as("unknown /v1 paths are not revealed").isEqualTo(401);
    }

    @Test
    void v1WithAValidTokenIs200() {
        String body = "{\"text\":\"write a haiku\"}";
        assertThat(s.post("/v1/tag", body, "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
        assertThat(s.post("/v1/tag", body, "Authorization", "bearer second-token").status()).isEqualTo(200);
        assertThat(s.post("/v1/tag/batch", body, "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
        assertThat(s.post("/v1/events", body, "Authorization", "Bearer s3cret-token").status()).isEqualTo(202);
        assertThat(s.get("/v1/mix", "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
        assertThat(s.get("/v1/taxonomies", "Authorization", "Bearer second-token").status()).isEqualTo(200);
    }

    @Test
    void operationalEndpointsStayOpen() {
        assertThat(s.get("/v1/mix").status()).isEqualTo(401);
        for (String path : new String[] {"/healthz", "/readyz", "/metrics", "/openapi.json"}) {
            assertThat(s.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(s.get("/metrics").body()).containsPattern("census_errors_total\\{code=\"unauthorized\"} [1-9]");
    }
}
