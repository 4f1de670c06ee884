package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code census serve} from the shaded jar in a fresh process: Jetty starts (its ServiceLoader files
 * survive shading), requests are answered, SIGTERM stops it gracefully through the shutdown hook
 * with a final snapshot, a restart reloads it, and no prompt text reaches the log.
 */
class ServeJarIT {
    private static final Path ROOT = Path.of(System.getProperty("census.root", "../.."));
    private static final Pattern READY = Pattern.compile("ready in .* on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String SECRET = "Fix the SECRET-PROMPT-MARKER NullPointerException in my Java code";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A running server process and its log. */
    private record Server(Process process, int port, StringBuffer log, CompletableFuture<Void> pump) {
    }

    private Server start() throws Exception {
        Path jar = ROOT.resolve("engine/cli/target/census.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "serve", "--port", "0", "--privacy-k", "0",
                "--snapshot-dir", dir.toString(), "--snapshot-interval", "1h")).redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
            port.completeExceptionally(new AssertionError("server exited before it was ready:\n" + log));
        });
        return new Server(p, port.get(300, TimeUnit.SECONDS), log, pump);
    }

    private HttpResponse<String> send(Server s, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(60));
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Server s) throws Exception {
        s.process().toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        assertThat(s.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        s.pump().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesFromTheShadedJarStopsGracefullyAndReloads() throws Exception {
        Server a = start();
        String event = "{\"user\":\"u1\",\"model\":\"openai/gpt-4o\",\"request\":{\"messages\":[{\"role\":\"user\",\"content\":\""
                + SECRET + "\"}]},\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30}}";
        HttpResponse<String> tag = send(a, "POST", "/v1/tag", "{\"messages\":[{\"role\":\"user\",\"content\":\"" + SECRET + "\"}]}");
        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(tag.body()).contains("\"programming\"").doesNotContain("SECRET");
        assertThat(send(a, "POST", "/v1/tag", "{\"messages\": \"" + SECRET + "\"").statusCode()).isEqualTo(400);
        assertThat(send(a, "POST", "/v1/events", event).statusCode()).isEqualTo(202);
        String mix = send(a, "GET", "/v1/mix?by=model", null).body();
        assertThat(mix).contains("\"records\":1").contains("\"group\":\"gpt-4o\"");
        assertThat(send(a, "GET", "/metrics", null).body()).contains("census_tags_total{taxonomy=\"usecase\",category=\"programming\"}");
        stop(a);
        assertThat(a.process().exitValue()).as(a.log().toString()).isIn(0, 143);
        assertThat(a.log().toString()).contains("wrote the final snapshot").doesNotContain("SECRET-PROMPT-MARKER");
        assertThat(dir.resolve("census-mix.json")).exists();
        assertThat(Files.readString(dir.resolve("census-mix.json"))).doesNotContain("SECRET").doesNotContain("\"u1\"");

        Server b = start();
        try {
            assertThat(b.log().toString()).contains("restored the running mix");
            String again = send(b, "GET", "/v1/mix?by=model", null).body();
            assertThat(again.replaceAll("\"as_of\":\"[^\"]*\"", "")).isEqualTo(mix.replaceAll("\"as_of\":\"[^\"]*\"", ""));
        } finally {
            stop(b);
        }
    }
}
