package org.promptcensus.server;

import java.util.List;
import org.promptcensus.core.Engine;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.taxonomy.TaxonomyResolver;

/** The bundled {@code usecase} engine and model catalog, built once per test JVM and shared (both are thread-safe). */
final class TestEngine {
    private static Engine engine;
    private static ModelCatalog catalog;

    private TestEngine() {
    }

    static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.builder().taxonomy(new TaxonomyResolver(List.of(), TestEngine.class.getClassLoader()).resolve("usecase"))
                    .build();
        }
        return engine;
    }

    static synchronized ModelCatalog catalog() {
        if (catalog == null) {
            catalog = ModelCatalog.load(null, TestEngine.class.getClassLoader());
        }
        return catalog;
    }
}
