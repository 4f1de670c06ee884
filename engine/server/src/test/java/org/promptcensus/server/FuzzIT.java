package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated bodies (seeded): truncations, byte flips, insertions, random JSON
 * values, huge strings, deep nesting, invalid UTF-8. The server only ever answers 2xx, 4xx or 503,
 * every error is a JSON error object, no body reaches the 500 handler, and it stays healthy.
 */
class FuzzIT {
    private static final int BODIES = 3000;
    private static final String[] PATHS = {"/v1/tag", "/v1/tag/batch", "/v1/events"};
    private static final String[] KEYS = {"text", "prompt", "messages", "role", "content", "system", "conversations", "from", "value",
        "request", "model", "user", "id", "created", "usage", "prompt_tokens", "completion_tokens", "reasoning_tokens", "tools",
        "finish_reason", "choices", "type", "parts", "custom_id", "timestamp", "response", "input_tokens", "image_url"};
    private static final String[] ROLES = {"user", "system", "assistant", "tool", "human", "gpt", "developer", "", "USER"};

    @Test
    void randomAndMutatedBodiesNeverBreakTheServer() throws Exception {
        Random seeds = new Random(20250701L);
        List<String> valid = new ArrayList<>(Bodies.chats(30, 3));
        for (int i = 0; i < 10; i++) {
            valid.add(Bodies.event("f" + i, "u" + i, "openai/gpt-4o", Bodies.prompt(i), i, i));
        }
        valid.add("[" + String.join(",", valid.subList(0, 5)) + "]");
        valid.add(Bodies.ndjson(5));
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            bodies.add(body(new Random(seeds.nextLong()), valid));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (TestServer s = TestServer.start(b -> b.maxBodyBytes(512 * 1024).maxConcurrency(2).queue(64))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t;
                done.add(pool.submit(() -> {
                    for (int i = from; i < bodies.size(); i += 4) {
                        String path = PATHS[i % PATHS.length] + (i % 7 == 0 ? "?explain=true" : "");
                        TestServer.Answer a = s.post(path, bodies.get(i));
                        statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                        int st = a.status();
                        assertThat(st >= 200 && st < 300 || st >= 400 && st < 500 || st == 503)
                                .as("status %d for body %d on %s: %s", st, i, path, a.body()).isTrue();
                        if (st >= 400) {
                            assertThat(a.json().path("error").path("code").asText()).as(a.body()).isNotEmpty();
                            assertThat(a.json().path("error").path("message").asText()).as(a.body()).isNotEmpty();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(s.get("/healthz").status()).isEqualTo(200);
            assertThat(s.get("/readyz").status()).isEqualTo(200);
            assertThat(s.post("/v1/tag", valid.get(0)).status()).isEqualTo(200);
            assertThat(s.server.internalErrors()).isZero();
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        System.out.println("fuzz statuses: " + counts);
        assertThat(counts.keySet()).contains(200, 400);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(BODIES);
    }

    private static byte[] body(Random r, List<String> valid) {
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0 -> truncate(r, utf8(valid.get(r.nextInt(valid.size()))));
            case 1 -> flip(r, utf8(valid.get(r.nextInt(valid.size()))));
            case 2 -> insert(r, utf8(valid.get(r.nextInt(valid.size()))));
            case 3 -> utf8(randomValue(r, 0).toString());
            case 4 -> utf8(randomRecord(r));
            case 5 -> huge(r);
            case 6 -> deep(r);
            case 7 -> invalidUtf8(r, utf8(valid.get(r.nextInt(valid.size()))));
            case 8 -> randomBytes(r);
            default -> splice(r, valid);
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncate(Random r, byte[] b) {
        return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
    }

    private static byte[] flip(Random r, byte[] b) {
        byte[] c = b.clone();
        for (int i = 0, n = 1 + r.nextInt(4); i < n && c.length > 0; i++) {
            c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return c;
    }

    private static byte[] insert(Random r, byte[] b) {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-1", "1e309", "\\u0000", "\\ud800", "\u00e9", "\n", " "};
        String s = new String(b, StandardCharsets.UTF_8);
        int at = r.nextInt(s.length() + 1);
        return utf8(s.substring(0, at) + tokens[r.nextInt(tokens.length)] + s.substring(at));
    }

    private static Object randomValue(Random r, int depth) {
        int k = depth > 5 ? r.nextInt(5) : r.nextInt(7);
        return switch (k) {
            case 0 -> "null";
            case 1 -> String.valueOf(r.nextBoolean());
            case 2 -> r.nextBoolean() ? String.valueOf(r.nextLong()) : String.valueOf(r.nextDouble() * 1e6 - 5e5);
            case 3, 4 -> quote(randomText(r));
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(randomValue(r, depth + 1));
                }
                yield sb.append(']');
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0, n = r.nextInt(6); i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(quote(KEYS[r.nextInt(KEYS.length)])).append(':').append(randomValue(r, depth + 1));
                }
                yield sb.append('}');
            }
        };
    }

    /** A record close to the accepted shapes, with random types in random places. */
    private static String randomRecord(Random r) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"messages\":[");
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"role\":").append(r.nextInt(5) == 0 ? randomValue(r, 4) : quote(ROLES[r.nextInt(ROLES.length)]))
                    .append(",\"content\":").append(r.nextInt(3) == 0 ? randomValue(r, 3) : quote(randomText(r))).append('}');
        }
        sb.append(']');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            sb.append(',').append(quote(KEYS[r.nextInt(KEYS.length)])).append(':').append(randomValue(r, 3));
        }
        return sb.append('}').toString();
    }

    private static String randomText(Random r) {
        String[] words = {"write", "a", "poem", "code", "python", "translate", "\u4f60\u597d", "\u3053\u3093\u306b\u3061\u306f", "bonjour", "{{char}}",
            "*smiles*", "```", "\\n", "\\\"", "\\ud83d\\ude00", "\\ud800", "\\u0000", "SELECT", "\u0645\u0631\u062d\u0628\u0627", " ", "\t"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = r.nextInt(30); i < n; i++) {
            sb.append(words[r.nextInt(words.length)]).append(' ');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "'") + "\"";
    }

    private static byte[] huge(Random r) {
        int n = 50_000 + r.nextInt(600_000);
        String filler = "lorem ipsum dolor sit amet write code ".repeat(n / 38 + 1).substring(0, n);
        return utf8(r.nextBoolean() ? "{\"text\":\"" + filler + "\"}"
                : "{\"messages\":[{\"role\":\"system\",\"content\":\"" + filler + "\"},{\"role\":\"user\",\"content\":\"" + filler.substring(0, n / 2) + "\"}]}");
    }

    private static byte[] deep(Random r) {
        int n = 10 + r.nextInt(r.nextBoolean() ? 300 : 20_000);
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return utf8("{\"text\":\"hi\",\"x\":" + open.repeat(n) + "1" + close.repeat(r.nextInt(n + 1)) + "}");
    }

    private static byte[] invalidUtf8(Random r, byte[] b) {
        int[][] bad = {{0xFF}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xE2, 0x82}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0x80}, {0xF4, 0x90, 0x80, 0x80}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = r.nextInt(b.length + 1);
        out.write(b, 0, at);
        for (int x : bad[r.nextInt(bad.length)]) {
            out.write(x);
        }
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(2000)];
        r.nextBytes(b);
        return b;
    }

    private static byte[] splice(Random r, List<String> valid) {
        String a = valid.get(r.nextInt(valid.size()));
        String b = valid.get(r.nextInt(valid.size()));
        int i = r.nextInt(a.length() + 1);
        int j = r.nextInt(b.length() + 1);
        return utf8(a.substring(0, i) + b.substring(j));
    }
}
