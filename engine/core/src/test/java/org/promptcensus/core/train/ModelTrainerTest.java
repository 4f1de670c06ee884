package org.promptcensus.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.Request;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyLoader;
import org.promptcensus.core.taxonomy.TaxonomySource;
import org.promptcensus.core.text.TextSelector;

class ModelTrainerTest {
    @TempDir
    Path dir;

    /**
     * Two categories told apart only by the verb that opens the request; the topic words after it
     * are shared. With head features the opening verb is a feature of its own.
     */
    private static List<GoldRecord> corpus() {
        String[] topics = {"the tax law article", "my trip to rome", "this email to my landlord", "the physics lecture notes",
            "our quarterly sales report", "a recipe for lasagna", "the football match report", "my cover letter draft",
            "the history of the roman empire", "a review of the new phone", "the city council meeting", "my cat's vet visit"};
        List<GoldRecord> out = new ArrayList<>();
        int i = 0;
        for (String topic : topics) {
            out.add(gold(i++, "summarize " + topic + " in a few lines", "edit"));
            out.add(gold(i++, "condense " + topic + " please", "edit"));
            out.add(gold(i++, "write a poem about " + topic, "compose"));
            out.add(gold(i++, "compose a short song about " + topic, "compose"));
        }
        return out;
    }

    private static GoldRecord gold(int i, String text, String label) {
        return new GoldRecord(Request.ofText("r" + i, text), "en", "test", Map.of("t", List.of(label)));
    }

    @Test
    void theModelRecordsItsHeadTermsAndUsesThemAfterARoundTrip() throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), "id: t\ncategories:\n  - id: edit\n  - id: compose\n");
        Taxonomy taxonomy = new TaxonomyLoader().load(TaxonomySource.directory(dir));
        try (RequestAnalyzer analyzer = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier())) {
            CategoryModel model = new ModelTrainer(analyzer).train(taxonomy, corpus(),
                    new TrainOptions(100, 1, 1.0, true, 3), line -> { });
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.write(bytes);
            CategoryModel read = CategoryModel.fromBytes(bytes.toByteArray());

            var text = analyzer.analyze(Request.ofText("q", "summarize the notes from rome"));
            var prediction = read.predict(text, analyzer.analyzers(), true);
            assertThat(prediction.probabilities().get("edit")).isGreaterThan(prediction.probabilities().get("compose"));
            // the head feature of the opening verb is among the evidence the read-back model uses
            assertThat(prediction.topFeatures().get("edit")).extracting(f -> f.feature()).contains("bow=§h_summar");
        }
    }
}
