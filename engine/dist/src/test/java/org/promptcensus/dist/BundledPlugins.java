package org.promptcensus.dist;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The plugins the distribution bundles, and where the assembled distribution is. */
final class BundledPlugins {
    /** The assembled distribution (engine/dist/target/census). */
    static final Path DIST = Path.of("target", "census");
    /** Its plugins folder. */
    static final Path PLUGINS = DIST.resolve("plugins");
    /** Each bundled plugin id and the extensions it must provide. */
    static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "safety", Set.of("taxonomy:safety"),
            "intent", Set.of("taxonomy:intent"),
            "google-nl", Set.of("tagger:google-nl", "format:google-nl"),
            "pricing", Set.of("aggregator:pricing"));

    private BundledPlugins() {
    }
}
