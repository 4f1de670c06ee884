package org.promptcensus.testkit;

import java.nio.file.Path;
import java.util.Set;

/** The kit checks itself: a demo plugin built with {@link PluginJarBuilder} passes every conformance check. */
class DemoPluginConformanceTest extends PluginConformanceTest {
    @Override
    protected Path pluginJar() {
        return DemoPlugin.jar();
    }

    @Override
    protected String expectedPluginId() {
        return "demo";
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("taxonomy:greetings", "tagger:length", "aggregator:count");
    }
}
