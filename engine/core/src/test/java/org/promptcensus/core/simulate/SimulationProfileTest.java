package org.promptcensus.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.ModelInfo;

/** Loading and validating traffic profiles, and what the bundled one plants. */
class SimulationProfileTest {
    private static final String VALID = """
            start: 2025-01-06
            weeks: 4
            users: 100
            languages: {en: 0.9, zh: 0.1}
            lengths:
              programming: {prompt_median: 1000, prompt_sigma: 1.0, completion_median: 100, completion_sigma: 0.5}
              roleplay: {prompt_median: 800, prompt_sigma: 0.8, completion_median: 90, completion_sigma: 0.5}
            growth: {prompt: 2, completion: 1.5}
            models:
              - model: gpt-4o-mini
                log_id: openai/gpt-4o-mini
                share: {start: 0.5, end: 0.2}
                available_from: null
                mix: {programming: 0.6, roleplay: 0.4}
                tool_call_rate: 0.1
                reasoning_share: 0
                retention: {monthly_churn: 0.3, comeback: 0.1}
              - model: deepseek-r1
                log_id: deepseek/deepseek-r1
                share: {start: 0.1, end: 0.3}
                available_from: 2025-01-15
                mix: {roleplay: 0.7, programming: 0.3}
                tool_call_rate: 0
                reasoning_share: 0.5
                retention: {monthly_churn: 0.5, comeback: 0.4}
            """;

    private static TrafficProfile load(String yaml) {
        return TrafficProfile.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
                SimulationFixture.CATALOG, SimulationFixture.CATEGORIES);
    }

    private static void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CensusException.class)
                .hasMessageStartingWith("test.yaml: ").hasMessageContaining(message)
                .extracting(e -> ((CensusException) e).code()).isEqualTo(ErrorCode.BAD_USAGE);
    }

    @Test
    void readsAValidProfileInFileOrder() {
        TrafficProfile p = load(VALID);
        assertThat(p.weeks()).isEqualTo(4);
        assertThat(p.models()).extracting(TrafficProfile.ModelProfile::logId)
                .containsExactly("openai/gpt-4o-mini", "deepseek/deepseek-r1");
        assertThat(p.models().get(1).mix().keySet()).containsExactly("roleplay", "programming");
        assertThat(p.models().get(1).availableFrom()).hasToString("2025-01-15");
        assertThat(p.models().get(1).retention().comeback()).isEqualTo(0.4);
        assertThat(p.promptGrowth(3)).isCloseTo(2.0, within(1e-12));
        assertThat(p.lengths().get("programming").promptMean()).isCloseTo(1000 * Math.exp(0.5), within(1e-9));
    }

    @Test
    void rejectsUnknownKeysNamingTheFileAndPath() {
        assertRejected(VALID.replace("users: 100", "users: 100\nvisitors: 5"), "unknown key 'visitors' at the top level");
        assertRejected(VALID.replace("tool_call_rate: 0.1", "tool_call_rate: 0.1\n    tool_rate: 0.1"), "unknown key 'tool_rate' in models[0]");
        assertRejected(VALID.replace("comeback: 0.1}", "comeback: 0.1, churn: 0.2}"), "unknown key 'churn' in models[0].retention");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertRejected(VALID.replace("weeks: 4", "weeks: 4\nweeks: 5"), "weeks");
    }

    @Test
    void rejectsMixesAndLanguagesThatDoNotSumToOne() {
        assertRejected(VALID.replace("mix: {programming: 0.6, roleplay: 0.4}", "mix: {programming: 0.6, roleplay: 0.3}"),
                "model 'gpt-4o-mini': mix sums to 0.9000, not 1");
        assertRejected(VALID.replace("{en: 0.9, zh: 0.1}", "{en: 0.9, zh: 0.2}"), "languages sums to 1.1000");
        // within the tolerance of 0.01
        assertThat(load(VALID.replace("{en: 0.9, zh: 0.1}", "{en: 0.9, zh: 0.105}")).languages()).containsKey("zh");
    }

    @Test
    void rejectsUnknownCategoriesAndModels() {
        assertRejected(VALID.replace("mix: {roleplay: 0.7, programming: 0.3}", "mix: {roleplay: 0.7, coding: 0.3}"),
                "mix names 'coding', which is not a use-case category");
        assertRejected(VALID.replace("mix: {roleplay: 0.7, programming: 0.3}", "mix: {roleplay: 0.7, translation: 0.3}"),
                "mix names 'translation', which has no 'lengths'");
        assertRejected(VALID.replace("model: deepseek-r1\n", "model: deepseek-r9\n"), "model 'deepseek-r9' is not in the model catalog");
        assertRejected(VALID.replace("log_id: deepseek/deepseek-r1", "log_id: deepseek/deepseek-chat"),
                "the catalog maps log_id 'deepseek/deepseek-chat' to 'deepseek-v3'");
        assertRejected(VALID.replace("  roleplay: {prompt_median", "  roleplai: {prompt_median"), "lengths.roleplai");
    }

    @Test
    void rejectsMissingAndOutOfRangeValues() {
        assertRejected(VALID.replace("reasoning_share: 0.5", "reasoning_share: 1.5"), "'reasoning_share' must be in [0, 1)");
        assertRejected(VALID.replace("    retention: {monthly_churn: 0.5, comeback: 0.4}\n", ""), "'retention' needs");
        assertRejected(VALID.replace("weeks: 4", "weeks: 0"), "'weeks' must be in 1..520");
        assertRejected(VALID.replace("start: 2025-01-06", "start: soon"), "");
    }

    @Test
    void bundledProfileLoadsAndEveryModelIsInTheCatalog() {
        TrafficProfile p = SimulationFixture.PROFILE_LOADED;
        assertThat(p.models()).hasSize(30);
        assertThat(p.start()).hasToString("2024-11-04");
        assertThat(p.end()).hasToString("2025-11-30");
        for (TrafficProfile.ModelProfile m : p.models()) {
            assertThat(SimulationFixture.CATALOG.lookup(m.logId()).id()).isEqualTo(m.model());
        }
    }

    @Test
    void bundledScheduleReproducesTheProfileHeader() {
        TrafficSchedule s = new TrafficSchedule(SimulationFixture.PROFILE_LOADED, 56 * 7 * 1000);
        List<TrafficProfile.ModelProfile> models = SimulationFixture.PROFILE_LOADED.models();
        double[] chinese = new double[2];
        for (int m = 0; m < models.size(); m++) {
            ModelInfo info = SimulationFixture.CATALOG.byId(models.get(m).model()).orElseThrow();
            if (info.weights() == ModelInfo.Weights.OPEN && info.origin().equals("China")) {
                chinese[0] += s.share(0, m);
                chinese[1] += s.share(s.days() - 1, m);
            }
        }
        // Header: "Chinese open models go from 1.6% of requests in the first week to 26.6% in the last".
        assertThat(chinese[0]).isCloseTo(0.016, within(0.001));
        assertThat(chinese[1]).isCloseTo(0.266, within(0.001));
        // GPT-4o mini's 20% and 1.2% (header) are its shares before renormalisation: the seven models available in
        // week 1 have shares summing to 0.376, the last week's sum to 0.738.
        assertThat(s.share(0, 0)).isCloseTo(0.20 / 0.376, within(0.001));
        assertThat(s.share(s.days() - 1, 0)).isCloseTo(0.012 / 0.738, within(0.001));
        assertThat(s.months()).isEqualTo(13);
        assertThat(s.requestsOn(0)).isEqualTo(1000);
        double total = 0;
        for (int d = 0; d < s.days(); d++) {
            double day = 0;
            for (int m = 0; m < models.size(); m++) {
                day += s.share(d, m);
            }
            assertThat(day).isCloseTo(1.0, within(1e-9));
            total += s.requestsOn(d);
        }
        assertThat(total).isEqualTo(56 * 7 * 1000);
    }
}
