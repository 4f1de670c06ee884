package org.promptcensus.dist;

import java.nio.file.Path;
import java.util.Set;
import org.promptcensus.testkit.PluginConformanceTest;

/** The bundled {@code intent} plugin, as the distribution ships it, passes the plugin conformance checks. */
class BundledIntentConformanceIT extends PluginConformanceTest {
    @Override
    protected Path pluginJar() {
        return findJar(BundledPlugins.PLUGINS, "census-plugin-intent-*.jar");
    }

    @Override
    protected String expectedPluginId() {
        return "intent";
    }

    @Override
    protected Set<String> expectedExtensions() {
        return BundledPlugins.EXTENSIONS.get("intent");
    }
}
