package org.promptcensus.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promptcensus.api.Request;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;
import org.promptcensus.core.text.TextSelector;

/**
 * The term-set matcher evaluates rules (terms, exact and sloppy phrases, patterns, AND / OR / NOT)
 * without lucene-monitor: on the bundled {@code usecase} taxonomy (about 600 rules, English, Chinese
 * and five more languages) and the {@code safety} plugin's (sloppy phrases and patterns in many
 * languages), over every prompt of their seed corpora, it must find exactly the rules that
 * lucene-monitor finds when it matches every rule itself.
 */
class TermSetEquivalenceTest {
    private static final Path REPO = Path.of("../..");

    @ParameterizedTest
    @CsvSource({"taxonomies/usecase, corpora/seed/usecase", "plugins/safety/taxonomy, corpora/seed/safety"})
    void termSetMatcherMatchesWhatLuceneMonitorMatches(String taxonomyDir, String corpusDir) throws IOException {
        TaxonomyBundle bundle = TaxonomyBundle.load(TaxonomySource.directory(REPO.resolve(taxonomyDir)));
        List<Request> requests = seedRequests(REPO.resolve(corpusDir));
        assertThat(requests).hasSizeGreaterThan(1000);
        try (RequestAnalyzer analyzer = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier());
                RuleIndex fast = new RuleIndex(bundle.taxonomy(), analyzer.analyzers(), null, true);
                RuleIndex reference = new RuleIndex(bundle.taxonomy(), analyzer.analyzers(), null, false)) {
            // nearly every rule is matched without lucene-monitor
            assertThat(fast.monitoredVariants()).as("rules left to lucene-monitor").isLessThan(fast.termSetVariants() / 20);
            List<AnalyzedText> texts = requests.stream().map(analyzer::analyze).toList();
            int hits = 0;
            for (int from = 0; from < texts.size(); from += 64) {
                List<AnalyzedText> batch = texts.subList(from, Math.min(texts.size(), from + 64));
                List<List<RuleHit>> expected = reference.match(batch);
                List<List<RuleHit>> actual = fast.match(batch);
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(actual.get(i)).as(requests.get(from + i).id()).isEqualTo(expected.get(i));
                    hits += expected.get(i).size();
                }
            }
            assertThat(hits).as("rule hits over the corpus").isGreaterThan(requests.size());
        }
    }

    private static List<Request> seedRequests(Path dir) throws IOException {
        RecordParser parser = new RecordParser(FieldMapping.NONE);
        List<Request> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                int n = 0;
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(parser.parse(line, f.getFileName() + ":" + ++n));
                    }
                }
            }
        }
        return out;
    }
}
