package org.promptcensus.plugins.safety;

import java.io.InputStream;
import java.util.Optional;
import org.pf4j.Extension;
import org.promptcensus.api.spi.TaxonomyProvider;

/**
 * The {@code safety} taxonomy: sexual, sexual_minors, hate, harassment, self_harm, violence, illegal,
 * jailbreak (and none). Its definition, rules and model are resources of this plugin jar; the model
 * is trained at build time from the repository's corpora/seed/safety/. Stateless and thread-safe.
 */
@Extension
public class SafetyTaxonomy implements TaxonomyProvider {
    @Override
    public String id() {
        return "safety";
    }

    @Override
    public Optional<InputStream> open(String path) {
        return Optional.ofNullable(SafetyTaxonomy.class.getResourceAsStream("/org/promptcensus/plugins/safety/taxonomy/" + path));
    }
}
