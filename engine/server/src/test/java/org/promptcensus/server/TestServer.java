package org.promptcensus.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** A {@link CensusServer} on an ephemeral loopback port with an HTTP client for it. Not thread-safe to start/stop; calls are. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final CensusServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    /** An HTTP answer. */
    record Answer(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private TestServer(CensusServer server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** @return a ready server with test-friendly defaults, adjusted by {@code tweak} */
    static TestServer start(Consumer<ServerConfig.Builder> tweak) {
        return start(tweak, true, Clock.systemUTC());
    }

    static TestServer start(Consumer<ServerConfig.Builder> tweak, boolean ready, Clock clock) {
        ServerConfig.Builder b = ServerConfig.builder().port(0).privacyK(0).queue(64).maxConcurrency(2);
        tweak.accept(b);
        CensusServer s = new CensusServer(b.build(), TestEngine.catalog(), ServerLog.to(System.err), clock).start();
        if (ready) {
            s.ready(TestEngine.engine());
        }
        return new TestServer(s);
    }

    Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    Answer post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Answer post(String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    Answer send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
