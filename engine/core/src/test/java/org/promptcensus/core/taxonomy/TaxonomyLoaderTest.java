package org.promptcensus.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.TestTaxonomies;

class TaxonomyLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsCategoriesRulesAndDefaults() {
        Taxonomy t = TestTaxonomies.mini().taxonomy();
        assertThat(t.id()).isEqualTo("mini");
        assertThat(t.version()).isEqualTo(2);
        assertThat(t.categoryIds()).containsExactly("code", "chat", "chat/companion", "other");
        assertThat(t.ruleCount()).isEqualTo(10);
        assertThat(t.fusion()).isEqualTo(FusionSettings.DEFAULT);
        assertThat(t.category("chat/companion").orElseThrow().parentId()).isEqualTo("chat");
    }

    private CensusException loadFailure(String taxonomyYaml) throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), taxonomyYaml);
        try {
            new TaxonomyLoader().load(TaxonomySource.directory(dir));
        } catch (CensusException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void rejectsUnknownKeysNamingFileAndKey() throws IOException {
        CensusException e = loadFailure("id: t\ncategories:\n  - id: a\n    treshold: 0.5\n");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_TAXONOMY);
        assertThat(e.getMessage()).contains("taxonomy.yaml").contains("unknown key 'treshold'");
    }

    @Test
    void rejectsDuplicatesBadThresholdsAndOrphans() throws IOException {
        assertThat(loadFailure("id: t\ncategories:\n  - id: a\n  - id: a\n").getMessage()).contains("defined twice");
        assertThat(loadFailure("id: t\ncategories:\n  - id: a\n    threshold: 1.5\n").getMessage()).contains("threshold");
        assertThat(loadFailure("id: t\ncategories:\n  - id: a/b\n").getMessage()).contains("no parent");
        assertThat(loadFailure("id: t\nfallback: zzz\ncategories:\n  - id: a\n").getMessage()).contains("fallback");
        assertThat(loadFailure("id: T!\ncategories:\n  - id: a\n").getMessage()).contains("'id'");
    }

    @Test
    void rejectsARulesFileForAnotherCategoryOrWithoutWeight() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/a.yaml"), "category: b\nrules: []\n");
        assertThat(loadFailure("id: t\ncategories:\n  - id: a\n").getMessage()).contains("rules/a.yaml").contains("'b'");
        Files.writeString(dir.resolve("rules/a.yaml"), "category: a\nrules:\n  - id: r\n    query: x\n");
        assertThat(loadFailure("id: t\ncategories:\n  - id: a\n").getMessage()).contains("'r' has no numeric 'weight'");
    }

    @Test
    void rejectsAQueryMixingAndAndOrWithoutBrackets() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/a.yaml"), "category: a\nrules:\n  - id: r\n    query: 'x OR y AND z'\n    weight: 1\n");
        assertThat(loadFailure("id: t\ncategories:\n  - id: a\n").getMessage()).contains("rules/a.yaml").contains("'r'")
                .contains("without brackets");
    }

    @Test
    void readsTheLabelSchemeAndTrainingSettings() throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), "id: t\nfallback: none\nlabels: multi-label\n"
                + "training:\n  iterations: 50\n  l2: 1.5\n  repeat: {a: 3}\n"
                + "  borrow: {taxonomy: usecase, as: none, map: {adult: a, roleplay: skip}, every: 2}\n"
                + "categories:\n  - id: a\n  - id: none\n");
        Taxonomy t = new TaxonomyLoader().load(TaxonomySource.directory(dir));
        assertThat(t.labels()).isEqualTo(LabelScheme.MULTI);
        assertThat(t.training().iterations()).isEqualTo(50);
        assertThat(t.training().cutoff()).isEqualTo(2);
        assertThat(t.training().l2()).isEqualTo(1.5);
        assertThat(t.training().repeatOf("a")).isEqualTo(3);
        assertThat(t.training().repeatOf("none")).isEqualTo(1);
        assertThat(t.training().borrow().labelFor("adult")).isEqualTo("a");
        assertThat(t.training().borrow().labelFor("roleplay")).isNull();
        assertThat(t.training().borrow().labelFor("programming")).isEqualTo("none");
        assertThat(t.training().borrow().every()).isEqualTo(2);
        assertThat(TestTaxonomies.mini().taxonomy().labels()).isEqualTo(LabelScheme.SINGLE);
    }

    @Test
    void rejectsBadLabelSchemesAndTrainingCategories() throws IOException {
        assertThat(loadFailure("id: t\nlabels: several\ncategories:\n  - id: a\n").getMessage()).contains("multi-label");
        assertThat(loadFailure("id: t\ntraining:\n  repeat: {b: 2}\ncategories:\n  - id: a\n").getMessage())
                .contains("training.repeat names 'b'");
        assertThat(loadFailure("id: t\ntraining:\n  borrow: {taxonomy: u, as: zz}\ncategories:\n  - id: a\n").getMessage())
                .contains("training.borrow.as names 'zz'");
    }

    @Test
    void aMissingDefinitionIsAnError() {
        assertThatThrownBy(() -> new TaxonomyLoader().load(TaxonomySource.directory(dir.resolve("none"))))
                .isInstanceOf(CensusException.class).hasMessageContaining("no taxonomy definition");
    }
}
