package org.promptcensus.taxonomies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Role;
import org.promptcensus.core.eval.GoldReader;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyLoader;
import org.promptcensus.core.taxonomy.TaxonomySource;

/** The seed corpus the default model is trained from: valid, labelled with real categories, and big enough everywhere. */
class SeedCorpusTest {
    private static final Path ROOT = Path.of(System.getProperty("census.root", ".."));

    @Test
    void everyCategoryHasEnoughEnglishChineseAndOtherLanguageRecords() {
        Taxonomy usecase = new TaxonomyLoader().load(TaxonomySource.directory(ROOT.resolve("taxonomies/usecase")));
        List<String> errors = new ArrayList<>();
        List<GoldRecord> records = new GoldReader().read(List.of(ROOT.resolve("corpora/seed/usecase")), errors::add);
        assertThat(errors).isEmpty();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (GoldRecord r : records) {
            assertThat(ids.add(r.request().id())).as("duplicate id %s", r.request().id()).isTrue();
            List<String> labels = r.labels("usecase").orElseThrow();
            assertThat(labels).as(r.request().id()).isNotEmpty();
            labels.forEach(l -> assertThat(usecase.category(l)).as("%s: label %s", r.request().id(), l).isPresent());
            var messages = r.request().messages();
            assertThat(messages.get(messages.size() - 1).role()).as(r.request().id()).isEqualTo(Role.USER);
            counts.computeIfAbsent(labels.get(0), k -> new HashMap<>()).merge(r.lang(), 1, Integer::sum);
        }
        for (String category : usecase.categoryIds()) {
            Map<String, Integer> byLang = counts.getOrDefault(category, Map.of());
            int en = byLang.getOrDefault("en", 0);
            int zh = byLang.getOrDefault("zh", 0);
            boolean small = category.equals("other");
            assertThat(en).as("%s English records", category).isGreaterThanOrEqualTo(small ? 120 : 150);
            assertThat(zh).as("%s Chinese records", category).isGreaterThanOrEqualTo(small ? 50 : 60);
            for (String lang : List.of("es", "fr", "de", "ja", "ru", "pt")) {
                assertThat(byLang.getOrDefault(lang, 0)).as("%s %s records", category, lang).isPositive();
            }
        }
    }
}
