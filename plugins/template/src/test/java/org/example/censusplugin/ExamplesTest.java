package org.example.censusplugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.core.Engine;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;

/** Your own examples: the taxonomy folder, loaded as the engine loads it, tags them as you expect. Add yours. */
class ExamplesTest {
    private static final Engine ENGINE = Engine.builder()
            .taxonomy(TaxonomyBundle.load(TaxonomySource.directory(Path.of("taxonomy")))).build();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static String primary(String text) {
        return ENGINE.tag(Request.ofText("example", text), false).primary(PluginTaxonomy.ID).orElse("(none)");
    }

    @Test
    void taggedAsExpected() {
        assertThat(primary("Could you please check this paragraph for typos? Thank you!")).isEqualTo("polite");
        assertThat(primary("You useless idiot, fix it now.")).isEqualTo("rude");
        assertThat(primary("请帮我写一首关于秋天的诗，谢谢。")).isEqualTo("polite");
    }
}
