package org.promptcensus.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code plugins/template/walkthrough.sh}, which follows docs/plugins.md literally: copy the
 * template, choose an id, train, evaluate, build with Maven, install, and tag with the new
 * taxonomy. Skipped when {@code mvn} is not on the PATH, or when the engine is not installed in the
 * local Maven repository (the walkthrough's plugin build resolves it from there; run
 * {@code mvn install} first).
 */
class PluginWalkthroughIT {
    private static final Path ROOT = Path.of(System.getProperty("census.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theDocumentedWalkthroughWorks() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH");
        Path repo = Path.of(System.getProperty("maven.repo.local", Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path testkit = repo.resolve("org/promptcensus/census-testkit/0.1.0-SNAPSHOT");
        assumeTrue(Files.isDirectory(testkit), "the engine is not installed in " + repo + " (run mvn install first)");
        assertThat(BundledPlugins.DIST.resolve("census.jar")).as("the distribution the launcher runs").isRegularFile();

        Path log = tmp.resolve("walkthrough.log");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("plugins/template/walkthrough.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CENSUS_WALKTHROUGH_SKIP_INSTALL", "1");
        pb.environment().put("TMPDIR", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as("finished within 20 minutes:\n" + output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("walkthrough: OK").containsPattern("(?m)^courtesy +polite ");
    }

    private static boolean onPath(String command) throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.map(d -> Path.of(d, command)).anyMatch(Files::isExecutable);
        }
    }
}
