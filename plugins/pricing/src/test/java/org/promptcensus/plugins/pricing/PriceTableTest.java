package org.promptcensus.plugins.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.core.catalog.ModelCatalog;

class PriceTableTest {
    @TempDir
    Path dir;

    @Test
    void bundledTableCoversAboutThirtyCatalogModels() {
        PriceTable t = PriceTable.bundled();
        assertThat(t.models()).hasSizeGreaterThanOrEqualTo(30);
        ModelCatalog catalog = ModelCatalog.load(null, getClass().getClassLoader());
        assertThat(t.models()).allSatisfy(id -> assertThat(catalog.byId(id)).as("catalog id " + id).isPresent());
        assertThat(t.price("gpt-4o")).contains(new Price(2.50, 10.00));
        ModelInfo logged = catalog.lookup("anthropic/claude-3.7-sonnet");
        assertThat(t.price(logged.id())).contains(new Price(3.00, 15.00));
    }

    @Test
    void aUserFileOverridesModelByModel() throws Exception {
        Path f = Files.writeString(dir.resolve("p.yaml"), "models:\n  gpt-4o: {input: 1.0, output: 2.0}\n  my-finetune: {input: 5, output: 5}\n");
        PricingOptions o = PricingOptions.parse(List.of("prices=" + f, "taxonomy=intent"));
        assertThat(o.taxonomy()).isEqualTo("intent");
        assertThat(o.prices().price("gpt-4o")).contains(new Price(1.0, 2.0));
        assertThat(o.prices().price("my-finetune")).contains(new Price(5, 5));
        assertThat(o.prices().price("gpt-4o-mini")).contains(new Price(0.15, 0.60));
    }

    @Test
    void badOptionsAndFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> PricingOptions.parse(List.of("currency=EUR"))).isInstanceOf(CensusException.class)
                .hasMessageContaining("unknown option 'currency'");
        assertThatThrownBy(() -> PricingOptions.parse(List.of("prices"))).isInstanceOf(CensusException.class)
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> PricingOptions.parse(List.of("prices=" + dir.resolve("none.yaml")))).isInstanceOf(CensusException.class)
                .hasMessageContaining("no such price file");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "models:\n  gpt-4o: {input: -1, output: 2}\n");
        assertThatThrownBy(() -> PriceTable.read(bad)).isInstanceOf(CensusException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("gpt-4o");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "models:\n  gpt-4o: {input: 1, ouput: 2}\n");
        assertThatThrownBy(() -> PriceTable.read(typo)).isInstanceOf(CensusException.class).hasMessageContaining("gpt-4o");
    }
}
