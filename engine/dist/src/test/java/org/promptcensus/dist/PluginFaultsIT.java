package org.promptcensus.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken plugins, built as real jars next to a good one, run through the real command line: each
 * fault is one line on stderr naming the plugin and the cause, the engine goes on with the good
 * plugin, and {@code --strict} makes the fault fatal.
 */
class PluginFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "hello! can you fix my python code?";

    @TempDir
    Path plugins;

    /** Builds one broken plugin jar. */
    @FunctionalInterface
    interface Fault {
        Path build(Path dir) throws IOException;
    }

    static Stream<Arguments> loadFaults() {
        return Stream.of(
                Arguments.of("not a plugin", (Fault) BrokenPlugins::notAPlugin, "plain-library.jar", "cannot load"),
                Arguments.of("corrupt zip", (Fault) BrokenPlugins::corrupt, "corrupt-plugin.jar", "cannot load"),
                Arguments.of("throws in start", (Fault) BrokenPlugins::throwsInStart, "plugin boom", "database unreachable"),
                Arguments.of("taken taxonomy id", (Fault) BrokenPlugins::takenTaxonomy, "plugin thief", "'usecase', which is taken"),
                Arguments.of("needs a newer engine", (Fault) BrokenPlugins::needsNewerEngine, "plugin future", "needs engine >=9.0.0"));
    }

    @ParameterizedTest(name = "{0}: one line, the rest goes on")
    @MethodSource("loadFaults")
    void aLoadFaultIsOneLineAndTheEngineGoesOn(String name, Fault fault, String who, String cause) throws IOException {
        BrokenPlugins.good(plugins);
        fault.build(plugins);

        Cli.Result tag = Cli.run("tag", "--plugins-dir", plugins.toString(), "--taxonomy", "usecase,good", "--text", TEXT);
        assertThat(tag.code()).as(tag.err()).isZero();
        assertThat(tag.errLines()).as("stderr").singleElement().satisfies(line -> assertThat(line).startsWith("census: ")
                .contains(who).contains(cause));
        assertThat(tag.out()).contains("usecase").containsPattern("good\\s+greeting");

        Cli.Result list = Cli.run("plugins", "--plugins-dir", plugins.toString());
        assertThat(list.code()).as("census plugins exit code with a failure").isEqualTo(1);
        assertThat(list.out()).containsPattern("good\\s+1\\.0\\.0\\s+started\\s+taxonomy:good").contains(cause);
        assertThat(list.errLines()).singleElement().satisfies(line -> assertThat(line).contains(who).contains(cause));
    }

    @ParameterizedTest(name = "{0}: fatal under --strict")
    @MethodSource("loadFaults")
    void aLoadFaultIsFatalUnderStrict(String name, Fault fault, String who, String cause) throws IOException {
        BrokenPlugins.good(plugins);
        fault.build(plugins);

        Cli.Result tag = Cli.run("tag", "--strict", "--plugins-dir", plugins.toString(), "--taxonomy", "usecase,good", "--text", TEXT);
        assertThat(tag.code()).isEqualTo(1);
        assertThat(tag.out()).isEmpty();
        assertThat(tag.errLines()).singleElement().satisfies(line -> assertThat(line).startsWith("census: ")
                .contains(who).contains(cause).contains("--strict"));
    }

    @Test
    void aThrowingTaggerCostsOnlyItsOwnEvidenceAndIsCounted() throws IOException {
        BrokenPlugins.good(plugins);
        BrokenPlugins.flakyTagger(plugins);
        Path input = records();

        Cli.Result r = Cli.run("tag", input.toString(), "--plugins-dir", plugins.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = r.out().lines().map(PluginFaultsIT::json).toList();
        assertThat(out).extracting(n -> n.get("id").asText()).containsExactly("r1", "r2", "r3");
        JsonNode failed = out.get(1);
        assertThat(failed.at("/tags/usecase/0/id").asText()).as("r2 keeps its usecase tag").isEqualTo("programming");
        assertThat(failed.get("warnings").toString()).contains("plugin_failed:flaky");
        assertThat(out.get(0).has("warnings") ? out.get(0).get("warnings").toString() : "").doesNotContain("plugin_failed");
        assertThat(out.get(2).has("warnings") ? out.get(2).get("warnings").toString() : "").doesNotContain("plugin_failed");

        assertThat(r.errLines()).filteredOn(l -> l.contains("flaky")).singleElement().satisfies(line -> assertThat(line)
                .contains("plugin flaky").contains("threw on 1 record").contains("cannot handle 'r2'"));
        assertThat(r.errLines()).anySatisfy(line -> assertThat(line).contains("3 records read, 3 tagged").contains("1 plugin_failed"));
    }

    @Test
    void aThrowingTaggerIsFatalUnderStrict() throws IOException {
        BrokenPlugins.flakyTagger(plugins);
        Path input = records();

        Cli.Result r = Cli.run("tag", input.toString(), "--strict", "--plugins-dir", plugins.toString(), "--threads", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).as("records before the failing one are written").hasSize(1);
        assertThat(r.errLines()).last().satisfies(line -> assertThat(line).contains("records.jsonl:2").contains("r2")
                .contains("plugin flaky").contains("cannot handle 'r2'").contains("--strict"));
    }

    private Path records() throws IOException {
        Path input = plugins.getParent().resolve(plugins.getFileName() + "-input").resolve("records.jsonl");
        Files.createDirectories(input.getParent());
        Files.writeString(input, """
                {"id": "r1", "messages": [{"role": "user", "content": "write a python function that sorts a list of numbers"}]}
                {"id": "r2", "messages": [{"role": "user", "content": "fix this python code, my script throws a stack trace and I explode"}]}
                {"id": "r3", "messages": [{"role": "user", "content": "translate 'good morning' into French"}]}
                """);
        return input;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
