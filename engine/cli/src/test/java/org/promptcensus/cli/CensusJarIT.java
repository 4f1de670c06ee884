package org.promptcensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the distributed {@code census.jar} as a separate process, as a user would. */
class CensusJarIT {
    private static final Path ROOT = Path.of(System.getProperty("census.root", "../.."));

    @Test
    void theShadedJarTagsTheSampleFromAFreshProcess() throws Exception {
        Path jar = ROOT.resolve("engine/cli/target/census.jar");
        assertThat(jar).exists();
        Path out = Files.createTempFile("census", ".jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "tag",
                ROOT.resolve("corpora/samples/requests.jsonl").toString(), "-o", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(Files.readAllLines(out)).hasSize(30);
        assertThat(log).contains("30 tagged");
        Files.delete(out);
        assertThat(new File(jar.toString()).length()).isPositive();
    }
}
