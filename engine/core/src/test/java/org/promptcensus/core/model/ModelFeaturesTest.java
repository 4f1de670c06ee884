package org.promptcensus.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.text.TextSelector;

class ModelFeaturesTest {
    private static final int HEAD = 8;

    private static List<String> features(Request r) {
        return features(r, HEAD);
    }

    private static List<String> features(Request r, int head) {
        try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
            return Arrays.asList(ModelFeatures.of(AnalyzedText.analyze(TextSelector.DEFAULT.select(r), "en", analyzers), analyzers, head));
        }
    }

    @Test
    void noHeadTokensWhenTheModelHasNone() {
        assertThat(features(Request.ofText("1", "summarize this article"), 0)).containsExactly("summar", "articl");
    }

    @Test
    void theOpeningContentTermsOfTheLastTurnAreRepeatedAsHeadTokens() {
        List<String> f = features(Request.ofText("1",
                "Please summarize the following article about tax law in three bullet points: the new rules on deductions..."));
        // function words are neither terms nor head tokens; the task verb leads the head
        assertThat(f).contains("summar", ModelFeatures.HEAD_PREFIX + "summar", ModelFeatures.HEAD_PREFIX + "articl")
                .doesNotContain("pleas", ModelFeatures.HEAD_PREFIX + "pleas", ModelFeatures.HEAD_PREFIX + "the");
        assertThat(f.stream().filter(t -> t.startsWith(ModelFeatures.HEAD_PREFIX))).hasSize(HEAD);
    }

    @Test
    void headTokensComeFromTheLastUserTurnOnly() {
        List<String> f = features(Request.builder("1").message(Role.SYSTEM, "You are a poet who writes sonnets.")
                .message(Role.USER, "translate hello into french").build());
        assertThat(f).contains(ModelFeatures.HEAD_PREFIX + "translat", "poet")
                .doesNotContain(ModelFeatures.HEAD_PREFIX + "poet");
    }
}
