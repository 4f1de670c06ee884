package org.promptcensus.plugins.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

class PricingStateTest {
    private static final PriceTable PRICES = PriceTable.of(Map.of(
            "cheap", new Price(0.10, 0.40), "mid", new Price(1.00, 4.00), "dear", new Price(10.00, 30.00)));

    private static TaggedRequest record(String category, long in, long out) {
        Request r = Request.builder("r").message(org.promptcensus.api.Role.USER, "x").usage(new Usage(in, out, null, null)).build();
        List<TagSet> sets = category == null ? List.of() : List.of(new TagSet("usecase", List.of(Tag.of(category, 0.9))));
        return new TaggedRequest(r, "en", sets, List.of());
    }

    private static ModelInfo model(String id) {
        return ModelInfo.unknown(id);
    }

    private static PricingState state() {
        return new PricingState(new PricingOptions(PRICES, "usecase"));
    }

    @Test
    void sumsSpendPerModelAndCategory() {
        PricingState s = state();
        s.add(record("programming", 1_000_000, 500_000), model("mid"));     // 1.00 + 2.00 = 3.00
        s.add(record("programming", 2_000_000, 0), model("cheap"));         // 0.20
        s.add(record("roleplay", 4_000_000, 1_000_000), model("cheap"));    // 0.40 + 0.40 = 0.80
        s.add(record("roleplay", 100_000, 100_000), model("dear"));         // 1.00 + 3.00 = 4.00
        s.add(record(null, 10, 10), model("unpriced"));
        assertThat(s.spend("mid", "programming").orElseThrow()).isCloseTo(3.00, within(1e-12));
        assertThat(s.spend("cheap", "roleplay").orElseThrow()).isCloseTo(0.80, within(1e-12));
        assertThat(s.spend("unpriced", "unknown")).isEmpty();
        assertThat(s.totalSpend()).isCloseTo(8.00, within(1e-12));

        List<List<String>> t = s.table();
        assertThat(t.get(0)).isEqualTo(PricingState.COLUMNS);
        assertThat(t).contains(List.of("spend", "mid", "programming", "1", "1000000", "500000", "3.000000", "2.000000", ""));
        assertThat(t).contains(List.of("spend", "unpriced", "unknown", "1", "10", "10", "", "", "no price"));
        // blended: programming 3.20 USD over 3.5M tokens; roleplay 4.80 over 5.2M
        assertThat(t).contains(List.of("category", "(all)", "programming", "2", "3000000", "500000", "3.200000", "0.914286", ""));
        assertThat(t).contains(List.of("category", "(all)", "roleplay", "2", "4100000", "1100000", "4.800000", "0.923077", ""));
        assertThat(t).contains(List.of("total", "(all)", "(all)", "5", "7100010", "1600010", "8.000000", "0.919540",
                "20 tokens of unpriced models left out"));
        assertThat(t).anySatisfy(r -> assertThat(r).startsWith("model", "dear", "(all)", "1", "100000", "100000", "4.000000", "20.000000",
                "list $10 in / $30 out per M"));
        assertThat(t.get(t.size() - 1).get(0)).isEqualTo("elasticity");
    }

    @Test
    void mergedStatesEqualOneStateFedEverything() {
        PricingState all = state();
        PricingState a = state();
        PricingState b = state();
        String[] models = {"cheap", "mid", "dear", "other"};
        for (int i = 0; i < 40; i++) {
            TaggedRequest r = record(i % 3 == 0 ? "programming" : "roleplay", 1000L * i, 37L * i);
            all.add(r, model(models[i % 4]));
            (i % 2 == 0 ? a : b).add(r, model(models[i % 4]));
        }
        a.merge(b);
        assertThat(a.table()).isEqualTo(all.table());
    }

    @Test
    void fitsTheElasticityAcrossModels() {
        PricingState s = state();
        // usage proportional to price^-0.06 (a tiny response to price, like the study's)
        for (String m : List.of("cheap", "mid", "dear")) {
            Price p = PRICES.price(m).orElseThrow();
            double blended = p.cost(1_000_000, 0);
            long tokens = Math.round(1e9 * Math.pow(blended, -0.06));
            s.add(record("programming", tokens, 0), model(m));
        }
        LogLogFit f = s.elasticity().orElseThrow();
        assertThat(f.slope()).isCloseTo(-0.06, within(1e-6));
        assertThat(f.n()).isEqualTo(3);
        assertThat(s.table().get(s.table().size() - 1).get(8)).contains("elasticity -0.060").contains("+0.63% usage");
    }
}
