package org.promptcensus.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.core.TestTaxonomies;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.taxonomy.CategoryRules;
import org.promptcensus.core.taxonomy.RuleDefinition;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;
import org.promptcensus.core.text.TextSelector;

/**
 * Compiled rules stand in for the query parser at start-up: read back, every stored query equals
 * what the parser makes of its rule now, and an edited rule, other analyzers or a damaged file
 * can only make the engine parse again, never match differently.
 */
class CompiledRulesTest {
    private static final RequestAnalyzer ANALYZER = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier());

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static CompiledRules roundTrip(CompiledRules rules) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rules.write(out);
        return CompiledRules.read(new ByteArrayInputStream(out.toByteArray()), "test");
    }

    /** On the shipped taxonomies (lexicons of thousands of terms, seven languages), every stored query is the parser's. */
    @ParameterizedTest
    @ValueSource(strings = {"taxonomies/usecase", "plugins/safety/taxonomy"})
    void storedQueriesEqualWhatTheParserMakes(String dir) throws IOException {
        Taxonomy taxonomy = TaxonomyBundle.load(TaxonomySource.directory(Path.of("../..").resolve(dir))).taxonomy();
        CompiledRules rules = roundTrip(CompiledRules.compile(taxonomy, ANALYZER.analyzers()));
        int variants = 0;
        int stored = 0;
        for (String group : RuleIndex.GROUPS) {
            for (CategoryRules cr : taxonomy.rules()) {
                for (RuleDefinition r : cr.rules()) {
                    if (!RuleIndex.appliesTo(r, group)) {
                        continue;
                    }
                    variants++;
                    Query q = rules.get(group, cr.category(), r);
                    if (q != null) {
                        stored++;
                        assertThat(q).as(group + " " + cr.category() + ":" + r.id())
                                .isEqualTo(RuleIndex.parse(taxonomy, cr.category(), r, ANALYZER.analyzers().forLanguage(group)));
                    }
                }
            }
        }
        assertThat(stored).as("stored of " + variants).isEqualTo(rules.size()).isGreaterThan(variants * 9 / 10);
        try (RuleIndex index = new RuleIndex(taxonomy, ANALYZER.analyzers(), rules)) {
            assertThat(index.precompiledVariants()).isEqualTo(stored);
        }
    }

    @Test
    void anEditedRuleIsParsedAgain() throws IOException {
        Taxonomy before = codeRules("python OR java");
        Taxonomy after = codeRules("rust");
        CompiledRules rules = roundTrip(CompiledRules.compile(before, ANALYZER.analyzers()));
        try (RuleIndex stale = new RuleIndex(after, ANALYZER.analyzers(), rules);
                RuleIndex fresh = new RuleIndex(before, ANALYZER.analyzers(), rules)) {
            assertThat(stale.precompiledVariants()).isZero();
            assertThat(fresh.precompiledVariants()).isEqualTo(RuleIndex.GROUPS.size());
            assertThat(hits(stale, "rewrite this in rust")).containsExactly("code:r");
            assertThat(hits(stale, "rewrite this in java")).isEmpty();
            assertThat(hits(fresh, "rewrite this in java")).containsExactly("code:r");
        }
    }

    @Test
    void rulesCompiledByOtherAnalyzersAreNotUsed() throws IOException {
        Taxonomy t = codeRules("python OR java");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledRules.compile(t, ANALYZER.analyzers()).write(out);
        // another fingerprint, of the same length: as if the analysis had changed since
        String bytes = out.toString(StandardCharsets.ISO_8859_1);
        String fingerprint = CompiledRules.read(new ByteArrayInputStream(out.toByteArray()), "test").fingerprint();
        String other = fingerprint.substring(1) + (fingerprint.charAt(0) == 'a' ? 'b' : 'a');
        CompiledRules foreign = CompiledRules.read(new ByteArrayInputStream(bytes.replace(fingerprint, other).getBytes(StandardCharsets.ISO_8859_1)), "test");
        try (RuleIndex index = new RuleIndex(t, ANALYZER.analyzers(), foreign)) {
            assertThat(index.precompiledVariants()).isZero();
            assertThat(hits(index, "a java question")).containsExactly("code:r");
        }
    }

    @Test
    void aDamagedFileIsABadModelError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledRules.compile(codeRules("python OR java"), ANALYZER.analyzers()).write(out);
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 5);
        assertThatThrownBy(() -> CompiledRules.read(new ByteArrayInputStream(truncated), "x/rules.bin"))
                .isInstanceOf(CensusException.class)
                .hasMessageStartingWith("x/rules.bin: unreadable compiled rules")
                .satisfies(e -> assertThat(((CensusException) e).code()).isEqualTo(ErrorCode.BAD_MODEL));
        assertThatThrownBy(() -> CompiledRules.read(new ByteArrayInputStream("model".getBytes(StandardCharsets.UTF_8)), "x/rules.bin"))
                .isInstanceOf(CensusException.class);
    }

    private static Taxonomy codeRules(String query) {
        Taxonomy mini = TestTaxonomies.mini().taxonomy();
        return new Taxonomy("t", 1, "", null, mini.categories(),
                List.of(new CategoryRules("code", List.of(new RuleDefinition("r", query, 1.0, List.of())))), mini.fusion(), "test");
    }

    private static List<String> hits(RuleIndex index, String text) {
        List<String> out = new ArrayList<>();
        index.match(ANALYZER.analyze(Request.ofText("1", text))).forEach(h -> out.add(h.qualifiedId()));
        return out;
    }
}
