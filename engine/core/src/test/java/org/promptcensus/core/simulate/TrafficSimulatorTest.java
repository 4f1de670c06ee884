package org.promptcensus.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Request;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;

/** The simulator against the bundled profile and seed corpus. */
class TrafficSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        String a = SimulationFixture.simulate(5_000, 7).text();
        String b = SimulationFixture.simulate(5_000, 7).text();
        String c = SimulationFixture.simulate(5_000, 8).text();
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.lines().count()).isEqualTo(5_000);
        assertThat(c.lines().count()).isEqualTo(5_000);
    }

    @Test
    void everyRecordParsesAsCanonicalInputWithItsMetadata() throws IOException {
        RecordParser parser = new RecordParser(FieldMapping.NONE);
        List<String> lines = SimulationFixture.log50k().lines();
        assertThat(lines).hasSize(50_000);
        Instant start = SimulationFixture.PROFILE_LOADED.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = SimulationFixture.PROFILE_LOADED.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<String> logIds = new HashSet<>(new TrafficSchedule(SimulationFixture.PROFILE_LOADED, 1).logIds());
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        Map<String, Integer> finish = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            Request r = parser.parse(line, "1");
            JsonNode node = JSON.readTree(line);
            boolean ok = ids.add(r.id()) && r.id().matches("sim-\\d{6}")
                    && logIds.contains(r.model())
                    && r.created() != null && !r.created().isBefore(start) && r.created().isBefore(end) && !r.created().isBefore(previous)
                    && r.user() != null && r.user().matches("u-\\d{5,}")
                    && r.usage().promptTokens() != null && r.usage().promptTokens() > 0
                    && r.usage().completionTokens() != null && r.usage().completionTokens() > 0
                    && r.usage().reasoningTokens() != null && r.usage().reasoningTokens() <= r.usage().completionTokens()
                    && r.hasText() && r.messages().get(r.messages().size() - 1).role().name().equals("USER")
                    && List.of("stop", "tool_calls", "length").contains(r.finishReason())
                    && (r.toolCount() > 0) == r.finishReason().equals("tool_calls")
                    && SimulationFixture.CATEGORIES.contains(node.path("planted").asText())
                    && parser.unknownFields(node).equals(Set.of("planted"));
            // the light reader the other tests use agrees with the parser
            SimulationFixture.Row row = SimulationFixture.Row.of(line);
            ok &= row.model().equals(r.model()) && row.planted().equals(node.path("planted").asText())
                    && row.tokens() == r.usage().promptTokens() + r.usage().completionTokens();
            if (!ok && problems.size() < 5) {
                problems.add(line);
            }
            previous = r.created();
            finish.merge(r.finishReason(), 1, Integer::sum);
        }
        assertThat(problems).isEmpty();
        assertThat(finish).containsKeys("stop", "tool_calls", "length");
    }

    /**
     * Request-weighted mixes: within 0.02 of the profile for every category of every model. Token-weighted
     * mixes: within 0.02 of the mix the profile implies, or within 6 standard errors where the sampling
     * error of log-normal lengths is larger (at 50,000 requests most models have a category, such as
     * programming with sigma 1.3, whose few long prompts carry a large, noisy part of the tokens).
     */
    @Test
    void plantedMixIsRecoveredPerModelByRequestsAndByTokens() {
        // Recount from the written records, not from the collector.
        Map<String, Map<String, double[]>> counts = new HashMap<>();
        for (SimulationFixture.Row row : SimulationFixture.log50k().rows()) {
            double[] c = counts.computeIfAbsent(row.model(), k -> new TreeMap<>()).computeIfAbsent(row.planted(), k -> new double[2]);
            c[0]++;
            c[1] += row.tokens();
        }
        TrafficSchedule schedule = new TrafficSchedule(SimulationFixture.PROFILE_LOADED, 50_000);
        double worstRequests = 0;
        double worstTokens = 0;
        double worstTokensWhereTight = 0;
        int tight = 0;
        int cells = 0;
        List<TrafficProfile.ModelProfile> models = SimulationFixture.PROFILE_LOADED.models();
        for (int m = 0; m < models.size(); m++) {
            TrafficProfile.ModelProfile mp = models.get(m);
            Map<String, double[]> byCategory = counts.get(mp.logId());
            assertThat(byCategory).as(mp.logId()).isNotNull();
            double requests = byCategory.values().stream().mapToDouble(c -> c[0]).sum();
            double tokens = byCategory.values().stream().mapToDouble(c -> c[1]).sum();
            assertThat(requests).as(mp.logId()).isCloseTo(schedule.expected(m), within(4 * Math.sqrt(schedule.expected(m)) + 1));
            assertThat(byCategory.keySet()).as(mp.logId()).isSubsetOf(mp.mix().keySet());
            Map<String, Double> tokenMix = schedule.expectedTokenMix(m);
            Map<String, Double> tokenSe = PlantedStatistics.tokenShareStandardError(schedule, m);
            for (String c : mp.mix().keySet()) {
                double[] got = byCategory.getOrDefault(c, new double[2]);
                double r = Math.abs(got[0] / requests - mp.mix().get(c));
                double t = Math.abs(got[1] / tokens - tokenMix.get(c));
                double se = tokenSe.get(c);
                assertThat(r).as("%s %s by requests", mp.logId(), c).isLessThanOrEqualTo(0.02);
                assertThat(t).as("%s %s by tokens (standard error %.4f)", mp.logId(), c, se)
                        .isLessThanOrEqualTo(Math.max(0.02, 6 * se));
                worstRequests = Math.max(worstRequests, r);
                worstTokens = Math.max(worstTokens, t);
                cells++;
                if (4 * se <= 0.02) {
                    tight++;
                    worstTokensWhereTight = Math.max(worstTokensWhereTight, t);
                }
            }
            assertThat(SimulationFixture.log50k().truth().requests(mp.logId())).isEqualTo((long) requests);
            assertThat(SimulationFixture.log50k().truth().tokens(mp.logId())).isEqualTo((long) tokens);
        }
        assertThat(worstTokensWhereTight).isLessThanOrEqualTo(0.02);
        System.out.printf("simulate 50k: worst per-model category error %.4f by requests, %.4f by tokens; "
                + "%.4f by tokens over the %d of %d model-category cells whose sampling error is under 0.005%n",
                worstRequests, worstTokens, worstTokensWhereTight, tight, cells);
    }

    @Test
    void sharesFollowTheProfileOverTime() {
        long[] chineseOpen = new long[2];
        long[] all = new long[2];
        Map<String, long[]> byModel = new HashMap<>();
        Instant start = SimulationFixture.PROFILE_LOADED.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        int weeks = SimulationFixture.PROFILE_LOADED.weeks();
        for (SimulationFixture.Row row : SimulationFixture.log50k().rows()) {
            long week = (Instant.parse(row.created()).getEpochSecond() - start.getEpochSecond()) / (7 * 86_400);
            int bucket = week < 4 ? 0 : week >= weeks - 4 ? 1 : -1;
            if (bucket < 0) {
                continue;
            }
            ModelInfo info = SimulationFixture.CATALOG.lookup(row.model());
            all[bucket]++;
            if (info.weights() == ModelInfo.Weights.OPEN && info.origin().equals("China")) {
                chineseOpen[bucket]++;
            }
            byModel.computeIfAbsent(info.id(), k -> new long[2])[bucket]++;
        }
        double first = (double) chineseOpen[0] / all[0];
        double last = (double) chineseOpen[1] / all[1];
        System.out.printf("simulate 50k: Chinese open models %.3f of requests in the first 4 weeks, %.3f in the last 4%n", first, last);
        assertThat(first).isBetween(0.005, 0.04);   // profile: 1.6% in week 1
        assertThat(last).isBetween(0.20, 0.33);     // profile: 26.6% in the last week
        assertThat(last).isGreaterThan(first);
        assertThat(byModel.get("gpt-4o-mini")[0]).isGreaterThan(10 * byModel.get("gpt-4o-mini")[1]);
        assertThat(byModel.get("minimax-m2")[0]).isZero();   // available from 2025-10-27
        assertThat(byModel.get("minimax-m2")[1]).isPositive();
    }

    @Test
    void nothingBeforeAModelIsAvailable() {
        Map<String, java.time.LocalDate> from = new HashMap<>();
        SimulationFixture.PROFILE_LOADED.models().stream().filter(m -> m.availableFrom() != null)
                .forEach(m -> from.put(m.logId(), m.availableFrom()));
        for (SimulationFixture.Row row : SimulationFixture.log50k().rows()) {
            java.time.LocalDate day = java.time.LocalDate.parse(row.created().substring(0, 10));
            java.time.LocalDate available = from.get(row.model());
            if (available != null && day.isBefore(available)) {
                throw new AssertionError(row.toString());
            }
        }
    }

    @Test
    void writtenLanguagesFollowTheProfile() {
        Map<String, Long> langs = SimulationFixture.log50k().truth().languages();
        double total = langs.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("simulate 50k: languages written " + langs);
        // th and "other" have no seed prompts: they are written in English.
        assertThat(langs.get("en") / total).isCloseTo(0.83 + 0.01 + 0.03, within(0.03));
        assertThat(langs.get("zh") / total).isCloseTo(0.05, within(0.015));
        assertThat(langs.get("ru") / total).isCloseTo(0.025, within(0.01));
        assertThat(langs.get("es") / total).isCloseTo(0.015, within(0.008));
        assertThat(langs).doesNotContainKey("th");
    }

    @Test
    void truthSummaryIsJsonWithMixesPerModel() throws IOException {
        StringWriter w = new StringWriter();
        SimulationFixture.log50k().truth().write(w);
        JsonNode root = JSON.readTree(w.toString());
        assertThat(root.get("requests").asLong()).isEqualTo(50_000);
        JsonNode mini = root.get("models").get("openai/gpt-4o-mini");
        assertThat(mini.get("requests").asLong()).isPositive();
        assertThat(mini.get("tokens").asLong()).isGreaterThan(mini.get("requests").asLong());
        double sum = 0;
        for (JsonNode v : mini.get("mix_requests")) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        assertThat(mini.get("mix_requests").get("science_math").asDouble()).isCloseTo(0.42, within(0.02));
        assertThat(mini.get("mix_tokens").has("science_math")).isTrue();
    }
}
