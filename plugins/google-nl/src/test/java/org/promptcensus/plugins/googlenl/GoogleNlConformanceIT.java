package org.promptcensus.plugins.googlenl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.testkit.PluginConformanceTest;

/** The built google-nl plugin jar passes the plugin conformance checks. */
class GoogleNlConformanceIT extends PluginConformanceTest {
    @Override
    protected Path pluginJar() {
        return findJar(Path.of("target"), "census-plugin-google-nl-*.jar");
    }

    @Override
    protected String expectedPluginId() {
        return "google-nl";
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("tagger:google-nl", "format:google-nl");
    }

    @Override
    protected List<Request> requests() {
        List<Request> out = new ArrayList<>(super.requests());
        out.add(Request.builder("nl-a").model("deepseek/deepseek-chat")
                .message(Role.SYSTEM, "[google-nl] /Games/Roleplaying Games 0.81; /Adult 0.62").build());
        out.add(Request.builder("nl-b").model("openai/gpt-4o")
                .message(Role.SYSTEM, "[google-nl] /Computers & Electronics/Programming 0.93")
                .message(Role.USER, "why does my build fail").build());
        return out;
    }

    @Override
    protected String formatSample(String formatName) {
        try (InputStream in = getClass().getResourceAsStream("/classify-text.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
