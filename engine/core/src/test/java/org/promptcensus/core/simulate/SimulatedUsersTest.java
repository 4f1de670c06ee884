package org.promptcensus.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Users and retention, measured from a simulated log the way a cohort analysis would. */
class SimulatedUsersTest {
    private static final int REQUESTS = 200_000;
    /** Per user: home model, and the months (index from the first month of the period) with a request. */
    private static final Map<String, String> MODEL = new HashMap<>();
    private static final Map<String, BitSet> MONTHS = new HashMap<>();
    private static final Map<String, Integer> REQUESTS_BY_USER = new HashMap<>();
    private static final Map<String, String> MODEL_SWITCHES = new HashMap<>();
    private static TrafficSimulator.Result result;

    @BeforeAll
    static void simulate() throws IOException {
        java.time.LocalDate start = SimulationFixture.PROFILE_LOADED.start();
        int base = start.getYear() * 12 + start.getMonthValue() - 1;
        try (LineSink sink = new LineSink(line -> {
            String user = LineSink.field(line, "user");
            String model = LineSink.field(line, "model");
            String created = LineSink.field(line, "created");
            int month = Integer.parseInt(created.substring(0, 4)) * 12 + Integer.parseInt(created.substring(5, 7)) - 1 - base;
            String home = MODEL.putIfAbsent(user, model);
            if (home != null && !home.equals(model)) {
                MODEL_SWITCHES.put(user, model);
            }
            MONTHS.computeIfAbsent(user, u -> new BitSet()).set(month);
            REQUESTS_BY_USER.merge(user, 1, Integer::sum);
        })) {
            result = SimulationFixture.SIMULATOR.run(REQUESTS, 11, sink, null);
        }
    }

    /** Share of the cohort (users of the model whose first month is {@code first}) active k months later. */
    private static double[] cohort(String logId, int first, int months) {
        List<BitSet> members = new ArrayList<>();
        MODEL.forEach((u, m) -> {
            if (m.equals(logId) && MONTHS.get(u).nextSetBit(0) == first) {
                members.add(MONTHS.get(u));
            }
        });
        double[] active = new double[months];
        for (int k = 0; k < months; k++) {
            int month = first + k;
            active[k] = members.stream().filter(b -> b.get(month)).count() / (double) Math.max(1, members.size());
        }
        System.out.printf("simulate 200k: %s cohort of month %d (%d users): %s%n", logId, first, members.size(),
                java.util.Arrays.toString(java.util.Arrays.stream(active).map(a -> Math.round(a * 100) / 100.0).toArray()));
        return active;
    }

    @Test
    void distinctUsersScaleWithRequestsAndEachKeepsOneHomeModel() {
        long expected = SimulationFixture.SIMULATOR.defaultUsers(REQUESTS);
        assertThat(expected).isEqualTo(10_000);
        assertThat((double) result.users()).isCloseTo(expected, within(expected * 0.1));
        assertThat(MODEL).hasSize((int) result.users());
        assertThat(MODEL_SWITCHES).isEmpty();
    }

    @Test
    void aFewHeavyUsersSendMuchOfTheTraffic() {
        List<Integer> counts = new ArrayList<>(REQUESTS_BY_USER.values());
        counts.sort(java.util.Comparator.reverseOrder());
        long top = counts.subList(0, counts.size() / 100).stream().mapToLong(Integer::longValue).sum();
        double topShare = (double) top / REQUESTS;
        int median = counts.get(counts.size() / 2);
        System.out.printf("simulate 200k: top 1%% of users send %.2f of requests; median user %d requests%n", topShare, median);
        assertThat(topShare).isBetween(0.1, 0.5);
        assertThat(median).isBetween(2, 60);
    }

    @Test
    void usersStayLapseAndComeBack() {
        long loyal = MONTHS.values().stream().filter(b -> b.cardinality() >= 6
                && b.previousSetBit(Integer.MAX_VALUE) - b.nextSetBit(0) + 1 == b.cardinality()).count();
        long boomerang = MONTHS.values().stream().filter(b -> {
            int first = b.nextSetBit(0);
            int gap = b.nextClearBit(first);
            return b.nextSetBit(gap) > gap;
        }).count();
        long oneMonth = MONTHS.values().stream().filter(b -> b.cardinality() == 1).count();
        System.out.printf("simulate 200k: %d users active 6+ months in a row, %d lapsed and came back, %d active one month%n",
                loyal, boomerang, oneMonth);
        assertThat(loyal).isGreaterThan(100);
        assertThat(boomerang).isGreaterThan(100);
        assertThat(oneMonth).isGreaterThan(100);
    }

    @Test
    void cohortsRetainAsPlanted() {
        // Month indices from November 2024: June 2025 is 7, January 2025 is 2.
        double[] sonnet = cohort("claude-sonnet-4-20250514", 7, 6);
        double[] geminiPro = cohort("google/gemini-2.5-pro", 7, 6);
        double[] flash = cohort("google/gemini-2.0-flash-001", 2, 6);
        double[] mini = cohort("openai/gpt-4o-mini", 0, 6);
        // Two-state chain from the profile: churn 0.17 / comeback 0.04 keeps 44% at month 5; 0.5 / 0.05 keeps 11%.
        assertThat(sonnet[0]).isEqualTo(1.0);
        assertThat(sonnet[5]).isCloseTo(0.44, within(0.12));
        assertThat(geminiPro[5]).isCloseTo(0.44, within(0.2));
        assertThat(flash[1]).isCloseTo(0.5, within(0.1));
        assertThat(flash[5]).isCloseTo(0.11, within(0.08));
        assertThat(sonnet[5]).isGreaterThan(flash[5] + 0.15);
        assertThat(mini[5]).isBetween(0.25, 0.55);   // churn 0.22, comeback 0.08: 0.38
    }
}
