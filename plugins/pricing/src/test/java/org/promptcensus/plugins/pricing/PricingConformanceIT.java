package org.promptcensus.plugins.pricing;

import java.nio.file.Path;
import java.util.Set;
import org.promptcensus.testkit.PluginConformanceTest;

/** The built pricing plugin jar passes the plugin conformance checks. */
class PricingConformanceIT extends PluginConformanceTest {
    @Override
    protected Path pluginJar() {
        return findJar(Path.of("target"), "census-plugin-pricing-*.jar");
    }

    @Override
    protected String expectedPluginId() {
        return "pricing";
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("aggregator:pricing");
    }
}
