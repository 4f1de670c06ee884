package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Body limit (413), saturation (503 with Retry-After, then recovery), request timeout, graceful stop. */
class LimitsIT {
    @Test
    void bodiesOverTheLimitAre413() {
        try (TestServer s = TestServer.start(b -> b.maxBodyBytes(64 * 1024))) {
            String big = "{\"text\":\"" + "a".repeat(100 * 1024) + "\"}";
            for (String path : new String[] {"/v1/tag", "/v1/tag/batch", "/v1/events"}) {
                TestServer.Answer a = s.post(path, big);
                assertThat(a.status()).as(path).isEqualTo(413);
                assertThat(a.json().path("error").path("code").asText()).isEqualTo("payload_too_large");
                assertThat(a.json().path("error").path("message").asText()).contains("64KB");
            }
            // chunked, without Content-Length: counted while read
            byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
            TestServer.Answer chunked = s.send(HttpRequest.newBuilder(URI.create(s.base + "/v1/tag"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
            assertThat(chunked.status()).isEqualTo(413);
            // just under the limit is fine, and the connection is still usable
            String fits = "{\"text\":\"" + "write a story about a lighthouse keeper. ".repeat(1500) + "\"}";
            assertThat(fits.length()).isLessThan(64 * 1024);
            TestServer.Answer ok = s.post("/v1/tag", fits);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().path("warnings").toString()).contains("text_truncated");
        }
    }

    @Test
    void saturationAnswers503WithRetryAfterAndRecovers() throws Exception {
        try (TestServer s = TestServer.start(b -> b.maxConcurrency(1).queue(0).timeout(Duration.ofSeconds(120)))) {
            String batch = Bodies.ndjson(150);
            int clients = 12;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<TestServer.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> s.post("/v1/tag/batch", batch)));
            }
            int ok = 0;
            int unavailable = 0;
            for (Future<TestServer.Answer> f : answers) {
                TestServer.Answer a = f.get();
                if (a.status() == 503) {
                    unavailable++;
                    assertThat(a.header("Retry-After")).isEqualTo("1");
                    assertThat(a.json().path("error").path("code").asText()).isEqualTo("saturated");
                } else {
                    assertThat(a.status()).isEqualTo(200);
                    assertThat(a.body().split("\n")).hasSize(150);
                    ok++;
                }
            }
            pool.shutdown();
            assertThat(ok).isGreaterThanOrEqualTo(1);
            assertThat(unavailable).isGreaterThanOrEqualTo(1);
            // health answers during and after; tagging recovers once the load is gone
            assertThat(s.get("/healthz").status()).isEqualTo(200);
            assertThat(s.post("/v1/tag", "{\"text\":\"write a haiku\"}").status()).isEqualTo(200);
            assertThat(s.get("/metrics").body()).containsPattern("census_errors_total\\{code=\"saturated\"} [1-9]")
                    .contains("census_inflight_requests 0");
        }
    }

    @Test
    void queuedRequestsWaitForASlot() throws Exception {
        try (TestServer s = TestServer.start(b -> b.maxConcurrency(1).queue(16).timeout(Duration.ofSeconds(120)))) {
            String batch = Bodies.ndjson(20);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<TestServer.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> s.post("/v1/tag/batch", batch)));
            }
            for (Future<TestServer.Answer> f : answers) {
                assertThat(f.get().status()).isEqualTo(200);
            }
            pool.shutdown();
        }
    }

    @Test
    void aBatchLongerThanTheTimeoutIs503Timeout() {
        // 3,000 requests take well over 50 ms even on a fast, warm engine (about 30 µs each at best)
        try (TestServer s = TestServer.start(b -> b.timeout(Duration.ofMillis(50)))) {
            TestServer.Answer a = s.post("/v1/tag/batch", Bodies.ndjson(3000));
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.header("Retry-After")).isEqualTo("1");
            assertThat(a.json().path("error").path("code").asText()).isEqualTo("timeout");
            assertThat(s.post("/v1/tag", "{\"text\":\"write a haiku\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void closeFinishesAcceptedRequests() throws Exception {
        TestServer s = TestServer.start(b -> b.maxConcurrency(1).queue(8).timeout(Duration.ofSeconds(120)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // long enough batches (a few hundred ms each) that one is seen in flight with two queued
        String batch = Bodies.ndjson(3000);
        List<Future<TestServer.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(pool.submit(() -> s.post("/v1/tag/batch", batch)));
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (!(s.get("/metrics").body().contains("census_inflight_requests 1") && s.get("/metrics").body().contains("census_queued_requests 2"))
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        s.close();
        for (Future<TestServer.Answer> f : answers) {
            TestServer.Answer a = f.get();
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().split("\n")).hasSize(3000);
        }
        pool.shutdown();
    }
}
