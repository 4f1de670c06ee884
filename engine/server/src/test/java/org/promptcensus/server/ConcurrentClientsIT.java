package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 8 client threads × 200 requests: all 200, each answer equal to tagging the same body sequentially in-process. */
class ConcurrentClientsIT {
    @Test
    void concurrentClientsGetTheSequentialAnswers() throws Exception {
        List<String> bodies = Bodies.chats(50, 11);
        List<String> expected = new ArrayList<>();
        for (String b : bodies) {
            expected.add(EndpointsIT.expected(b, "1", false));
        }
        int threads = 8;
        int perThread = 200;
        try (TestServer s = TestServer.start(b -> b.maxConcurrency(2).queue(64))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        int k = (offset + i) % bodies.size();
                        TestServer.Answer a = s.post("/v1/tag", bodies.get(k));
                        assertThat(a.status()).isEqualTo(200);
                        assertThat(a.body()).isEqualTo(expected.get(k));
                        ok++;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            pool.shutdown();
            assertThat(total).isEqualTo(threads * perThread);
            assertThat(s.get("/metrics").body())
                    .containsPattern("census_http_requests_total\\{endpoint=\"/v1/tag\",method=\"POST\",status=\"200\"} 1600\n")
                    .contains("census_tagged_requests_total 1600");
            assertThat(s.server.internalErrors()).isZero();
        }
    }
}
