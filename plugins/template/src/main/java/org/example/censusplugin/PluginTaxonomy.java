package org.example.censusplugin;

import java.io.InputStream;
import java.util.Optional;
import org.pf4j.Extension;
import org.promptcensus.api.spi.TaxonomyProvider;

/**
 * Provides this plugin's taxonomy to Prompt Census: its definition ({@code taxonomy.yaml}), rules
 * ({@code rules/<category>.yaml}) and, when trained, its model ({@code model.bin}), all packaged
 * from the {@code taxonomy/} folder into the jar. {@code @Extension} lists the class in the jar's
 * extension index, which is how the engine finds it.
 *
 * <p>Stateless and thread-safe.
 */
@Extension
public class PluginTaxonomy implements TaxonomyProvider {
    /** The taxonomy id: the same as {@code id:} in taxonomy/taxonomy.yaml. */
    static final String ID = "tone";

    /** Where the pom packages the taxonomy folder inside the jar. */
    private static final String BASE = "/org/example/censusplugin/taxonomy/";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<InputStream> open(String path) {
        return Optional.ofNullable(PluginTaxonomy.class.getResourceAsStream(BASE + path));
    }
}
