package org.promptcensus.dist;

import java.nio.file.Path;
import java.util.Set;
import org.promptcensus.testkit.PluginConformanceTest;

/** The bundled {@code safety} plugin, as the distribution ships it, passes the plugin conformance checks. */
class BundledSafetyConformanceIT extends PluginConformanceTest {
    @Override
    protected Path pluginJar() {
        return findJar(BundledPlugins.PLUGINS, "census-plugin-safety-*.jar");
    }

    @Override
    protected String expectedPluginId() {
        return "safety";
    }

    @Override
    protected Set<String> expectedExtensions() {
        return BundledPlugins.EXTENSIONS.get("safety");
    }
}
