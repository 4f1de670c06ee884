package org.promptcensus.plugins.intent;

import java.io.InputStream;
import java.util.Optional;
import org.pf4j.Extension;
import org.promptcensus.api.spi.TaxonomyProvider;

/**
 * The {@code intent} taxonomy, after published usage research: asking (seeking information or
 * advice), doing (asking for an output: code, text, a plan), expressing (sharing feelings or views,
 * chatting, no task). Definition, rules and model are resources of this plugin jar; the model is
 * trained at build time from corpora/seed/intent/. Stateless and thread-safe.
 */
@Extension
public class IntentTaxonomy implements TaxonomyProvider {
    @Override
    public String id() {
        return "intent";
    }

    @Override
    public Optional<InputStream> open(String path) {
        return Optional.ofNullable(IntentTaxonomy.class.getResourceAsStream("/org/promptcensus/plugins/intent/taxonomy/" + path));
    }
}
