package org.promptcensus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.core.Engine;
import org.promptcensus.core.taxonomy.TaxonomyResolver;
import picocli.CommandLine.Option;

/** Options that choose the taxonomies an engine tags with. */
final class EngineOptions {
    @Option(names = "--taxonomy", split = ",", paramLabel = "ID",
            description = "Taxonomies to tag with, comma-separated (default: ${DEFAULT-VALUE}).", defaultValue = "usecase")
    List<String> taxonomies = new ArrayList<>(List.of("usecase"));

    @Option(names = "--taxonomy-dir", paramLabel = "DIR",
            description = "A taxonomy folder (with taxonomy.yaml), or a folder of them; searched before the bundled ones.")
    List<Path> taxonomyDirs = new ArrayList<>();

    TaxonomyResolver resolver() {
        return new TaxonomyResolver(taxonomyDirs, EngineOptions.class.getClassLoader());
    }

    Engine build() {
        TaxonomyResolver resolver = resolver();
        Engine.Builder b = Engine.builder();
        for (String id : taxonomies) {
            b.taxonomy(resolver.resolve(id.trim()));
        }
        return b.build();
    }
}
