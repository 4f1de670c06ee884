package org.promptcensus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;
import org.promptcensus.core.plugin.PluginHost;

class PluginJarBuilderTest {
    @TempDir
    Path dir;

    @Test
    void writesManifestClassesResourcesAndTheExtensionIndex() throws Exception {
        Path jar = DemoPlugin.build(dir);
        try (JarFile j = new JarFile(jar.toFile())) {
            var a = j.getManifest().getMainAttributes();
            assertThat(a.getValue("Plugin-Id")).isEqualTo("demo");
            assertThat(a.getValue("Plugin-Version")).isEqualTo("1.0.0");
            assertThat(a.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
            assertThat(j.getEntry("demo/LengthTagger.class")).isNotNull();
            assertThat(j.getEntry("demo/taxonomy/rules/greeting.yaml")).isNotNull();
            String idx = new String(j.getInputStream(j.getEntry("META-INF/extensions.idx")).readAllBytes());
            assertThat(idx.lines()).containsExactly("demo.DemoTaxonomy", "demo.LengthTagger", "demo.CountAggregator");
        }
    }

    @Test
    void reportsSourcesThatDoNotCompile() {
        assertThatThrownBy(() -> PluginJarBuilder.plugin("x").source("x.Broken", "package x; class Broken { int f() { return \"s\"; } }").build(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Broken");
    }

    @Test
    void brokenJarsAreOneLineFailuresOfTheHost() throws Exception {
        PluginJarBuilder.plugin("plain").withoutPluginManifest().source("p.P", "package p; public class P {}").build(dir);
        PluginJarBuilder.corruptJar(dir, "corrupt.jar");
        DemoPlugin.build(dir);
        List<String> lines = new ArrayList<>();
        try (PluginHost host = PluginHost.load(dir, List.of("usecase"), false, lines::add)) {
            assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("corrupt.jar"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("plain-1.0.0.jar"));
            assertThat(host.taxonomies()).containsKey("greetings");
        }
        assertThatThrownBy(() -> PluginHost.load(dir, List.of("usecase"), true, lines::add)).isInstanceOf(CensusException.class);
    }
}
