package org.example.censusplugin;

import java.nio.file.Path;
import java.util.Set;
import org.promptcensus.testkit.PluginConformanceTest;

/**
 * The Prompt Census conformance checks, run on the packaged jar (Failsafe runs this after
 * {@code package}): the plugin starts, ids match, rules compile, tagging is deterministic and
 * thread-safe, errors are clear. The plugin id comes from the pom ({@code plugin.id}).
 */
class ConformanceIT extends PluginConformanceTest {
    private static final String PLUGIN_ID = System.getProperty("plugin.id", PluginTaxonomy.ID);

    @Override
    protected Path pluginJar() {
        return findJar(Path.of("target"), "census-plugin-" + PLUGIN_ID + "-*.jar");
    }

    @Override
    protected String expectedPluginId() {
        return PLUGIN_ID;
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("taxonomy:" + PluginTaxonomy.ID);
    }
}
