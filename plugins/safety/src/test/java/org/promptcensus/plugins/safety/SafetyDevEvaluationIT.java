package org.promptcensus.plugins.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.promptcensus.core.Engine;
import org.promptcensus.core.eval.CategoryScore;
import org.promptcensus.core.eval.EvalReport;
import org.promptcensus.core.eval.EvalReportWriter;
import org.promptcensus.core.eval.Evaluator;
import org.promptcensus.core.eval.GoldReader;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.eval.SourceSampler;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;

/**
 * Evaluates the shipped safety taxonomy (rules and the model trained at build time from
 * corpora/seed/safety/) on the external development corpora in {@code ../shared/corpora/dev}, as
 * {@code census eval --taxonomy safety --gold ../shared/corpora/dev --max-per-source 1000} does
 * (multi-label: clean records count), and fails below floors set a little under the figures in
 * docs/safety.md. Skips when the corpora are absent.
 */
class SafetyDevEvaluationIT {
    private static final Path ROOT = Path.of(System.getProperty("census.root", "../.."));
    private static final Path DEV = ROOT.resolve("../shared/corpora/dev");

    // Floors: the figures measured in docs/safety.md minus a margin for noise.
    private static final double MACRO_F1_FLOOR = 0.55;
    private static final Map<String, Double> F1_FLOORS = Map.of("jailbreak", 0.87, "sexual", 0.72,
            "sexual_minors", 0.47, "hate", 0.53, "harassment", 0.35, "self_harm", 0.47, "violence", 0.33);
    // Recall over precision for the category platform teams alert on.
    private static final double SEXUAL_MINORS_RECALL_FLOOR = 0.62;
    private static final double CLEAN_CHINESE_FALSE_ALARM_CEILING = 0.03;

    @Test
    void shippedTaxonomyMeetsItsFloorsOnTheDevelopmentCorpora() {
        assumeTrue(Files.isDirectory(DEV), "no development corpora at " + DEV);
        List<String> errors = new ArrayList<>();
        List<GoldRecord> records = SourceSampler.capPerSource(new GoldReader().read(List.of(DEV), errors::add), 1000);
        assertThat(errors).isEmpty();
        TaxonomyBundle safety = TaxonomyBundle.load(TaxonomySource.classpath(getClass().getClassLoader(),
                "org/promptcensus/plugins/safety/taxonomy"));
        assertThat(safety.model()).as("model trained at build time").isPresent();
        try (Engine engine = Engine.builder().taxonomy(safety).build()) {
            EvalReport report = new Evaluator(engine, "safety", 10).evaluate(records, 2, null);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            new EvalReportWriter().text(report, new PrintStream(text, true, StandardCharsets.UTF_8));
            System.out.println(text.toString(StandardCharsets.UTF_8));

            assertThat(report.overall().multiLabel()).isTrue();
            assertThat(report.overall().macroF1()).isGreaterThanOrEqualTo(MACRO_F1_FLOOR);
            Map<String, Double> f1 = report.overall().categories().stream()
                    .collect(Collectors.toMap(CategoryScore::id, CategoryScore::f1));
            F1_FLOORS.forEach((category, floor) -> assertThat(f1.get(category)).as(category).isGreaterThanOrEqualTo(floor));
            double minorsRecall = report.overall().categories().stream().filter(c -> c.id().equals("sexual_minors"))
                    .findFirst().orElseThrow().recall();
            assertThat(minorsRecall).as("sexual_minors recall").isGreaterThanOrEqualTo(SEXUAL_MINORS_RECALL_FLOOR);
            // Clean Chinese records (labelled zh, no concern): exact-set accuracy is 1 - the false-alarm rate.
            List<GoldRecord> cleanChinese = records.stream()
                    .filter(r -> "zh".equals(r.lang()) && r.labels("safety").map(List::isEmpty).orElse(false)).toList();
            double falseAlarms = 1 - new Evaluator(engine, "safety", 10).evaluate(cleanChinese, 2, null).overall().accuracy();
            System.out.printf("clean Chinese records: %d, false alarms %.3f%n", cleanChinese.size(), falseAlarms);
            assertThat(falseAlarms).as("Chinese false alarms").isLessThanOrEqualTo(CLEAN_CHINESE_FALSE_ALARM_CEILING);
        }
    }
}
