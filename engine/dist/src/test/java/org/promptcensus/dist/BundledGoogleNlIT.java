package org.promptcensus.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line with the bundled plugins: records of Google Natural
 * Language {@code classifyText} results, read with {@code --format google-nl}, get the usecase tags
 * the crosswalk maps their categories to, and line up with our own tags in one mix.
 */
class BundledGoogleNlIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void recordsOfTheFormatGetTheMappedUsecaseTags() throws IOException {
        Path input = fixture();
        Cli.Result r = Cli.run("tag", "--format", "google-nl", input.toString(), "--plugins-dir", BundledPlugins.PLUGINS.toString(), "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : r.out().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            n.at("/tags/usecase").forEach(t -> ids.add(t.get("id").asText()));
            tags.put(n.get("id").asText(), ids);
            records.put(n.get("id").asText(), n);
        }
        assertThat(tags.keySet()).containsExactly("nl-1", "nl-2", "nl-3", "nl-4", "nl-5");
        assertThat(tags.get("nl-1")).as("/Games/Roleplaying Games 0.81, /Adult 0.62").startsWith("roleplay").contains("adult");
        assertThat(tags.get("nl-2")).as("/Computers & Electronics/Programming/Java").startsWith("programming");
        assertThat(tags.get("nl-3")).as("/Reference/Language Resources/...").startsWith("translation");
        assertThat(tags.get("nl-4")).as("/Jobs & Education/Education 0.58; Poetry 0.44 is below the cut-off")
                .startsWith("education").doesNotContain("creative_writing");
        assertThat(tags.get("nl-5")).as("/Finance 0.70, marketing 0.55").contains("finance", "marketing");
        assertThat(records.get("nl-2").get("model").asText()).isEqualTo("anthropic/claude-3.7-sonnet");
        assertThat(records.get("nl-2").at("/usage/prompt_tokens").asLong()).isEqualTo(5400);
        assertThat(records.get("nl-1").toString()).as("evidence names the tagger").contains("google-nl:/Games/Roleplaying Games");
        assertThat(r.err()).contains("5 records read, 5 tagged, 0 skipped");
    }

    @Test
    void theFormatIsDetectedWithoutBeingNamed() throws IOException {
        Cli.Result r = Cli.run("tag", fixture().toString(), "--plugins-dir", BundledPlugins.PLUGINS.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("google-nl");
        assertThat(r.out().lines()).hasSize(5);
    }

    @Test
    void googleHistoryMixesByModelLikeOurOwnTags() throws IOException {
        Cli.Result r = Cli.run("mix", "--input-format", "google-nl", fixture().toString(), "--plugins-dir", BundledPlugins.PLUGINS.toString(),
                "--weight", "requests", "--privacy-k", "0", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("roleplay").contains("programming").contains("translation");
    }

    private Path fixture() throws IOException {
        Path input = dir.resolve("classify-text.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/classify-text.jsonl")) {
            Files.copy(in, input);
        }
        return input;
    }
}
