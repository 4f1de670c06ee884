package org.promptcensus.core;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;

/** Test taxonomies from src/test/resources/taxonomies. */
public final class TestTaxonomies {
    private TestTaxonomies() {
    }

    /** @param name folder name @return its path */
    public static Path dir(String name) {
        try {
            return Path.of(TestTaxonomies.class.getResource("/taxonomies/" + name + "/taxonomy.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the rules-only "mini" taxonomy */
    public static TaxonomyBundle mini() {
        return TaxonomyBundle.load(TaxonomySource.directory(dir("mini")));
    }
}
