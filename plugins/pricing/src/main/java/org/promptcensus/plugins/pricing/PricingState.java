package org.promptcensus.plugins.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.Aggregator;

/**
 * The running totals of one pricing aggregation: requests and input / output tokens per model and
 * category (the primary tag), kept as exact counts so that merged states equal one state fed
 * everything; dollars are computed from them when the table is made. Reasoning tokens count as
 * output (providers bill them so); cached-input discounts are not modelled.
 *
 * <p>Not thread-safe: one state per thread, merged at the end.
 */
public final class PricingState implements Aggregator.State {
    /** The table's columns. */
    public static final List<String> COLUMNS = List.of("section", "model", "category", "requests", "input_tokens",
            "output_tokens", "spend_usd", "usd_per_mtok", "note");
    /** Category of records the taxonomy gave no tag (or that it did not tag). */
    static final String UNKNOWN = "unknown";
    private static final String ALL = "(all)";

    private final PricingOptions options;
    private final Map<String, Map<String, Cell>> cells = new TreeMap<>();

    /** Counts of one model and category. */
    private static final class Cell {
        long requests;
        long input;
        long output;

        void add(Cell o) {
            requests += o.requests;
            input += o.input;
            output += o.output;
        }

        long tokens() {
            return input + output;
        }
    }

    PricingState(PricingOptions options) {
        this.options = options;
    }

    @Override
    public void add(TaggedRequest record, ModelInfo model) {
        String category = record.primary(options.taxonomy()).orElse(UNKNOWN);
        Usage u = record.request().usage();
        Cell c = cell(model.id(), category);
        c.requests++;
        c.input += u.promptTokens() == null ? 0 : u.promptTokens();
        c.output += u.completionTokens() != null ? u.completionTokens() : u.reasoningTokens() == null ? 0 : u.reasoningTokens();
    }

    @Override
    public void merge(Aggregator.State other) {
        if (!(other instanceof PricingState o)) {
            throw new IllegalArgumentException("cannot merge a " + other.getClass().getName() + " into a pricing state");
        }
        o.cells.forEach((model, byCategory) -> byCategory.forEach((category, c) -> cell(model, category).add(c)));
    }

    private Cell cell(String model, String category) {
        return cells.computeIfAbsent(model, k -> new TreeMap<>()).computeIfAbsent(category, k -> new Cell());
    }

    /**
     * @param model a model id
     * @param category a category id
     * @return the spend in US dollars of that model and category, or empty when the model has no price
     */
    public Optional<Double> spend(String model, String category) {
        Cell c = cells.getOrDefault(model, Map.of()).get(category);
        return options.prices().price(model).map(p -> c == null ? 0.0 : p.cost(c.input, c.output));
    }

    /** @return the total spend of priced models, US dollars */
    public double totalSpend() {
        double sum = 0;
        for (var m : cells.entrySet()) {
            Optional<Price> p = options.prices().price(m.getKey());
            if (p.isPresent()) {
                for (Cell c : m.getValue().values()) {
                    sum += p.get().cost(c.input, c.output);
                }
            }
        }
        return sum;
    }

    /** @return the log-log fit of tokens on effective price across priced models, if there are enough */
    public Optional<LogLogFit> elasticity() {
        List<LogLogFit.Point> points = new ArrayList<>();
        for (var m : cells.entrySet()) {
            Optional<Price> p = options.prices().price(m.getKey());
            if (p.isEmpty()) {
                continue;
            }
            Cell total = total(m.getValue());
            if (total.tokens() > 0) {
                points.add(new LogLogFit.Point(p.get().cost(total.input, total.output) / total.tokens() * 1e6, total.tokens()));
            }
        }
        return LogLogFit.fit(points);
    }

    @Override
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        Map<String, Cell> byCategory = new TreeMap<>();
        Map<String, Cell> unpricedByCategory = new TreeMap<>();
        Map<String, Double> spendByCategory = new TreeMap<>();
        for (var m : cells.entrySet()) {
            Optional<Price> price = options.prices().price(m.getKey());
            for (var e : m.getValue().entrySet()) {
                Cell c = e.getValue();
                rows.add(row("spend", m.getKey(), e.getKey(), c, price.map(p -> p.cost(c.input, c.output)), price.isEmpty() ? "no price" : ""));
                byCategory.computeIfAbsent(e.getKey(), k -> new Cell()).add(c);
                if (price.isPresent()) {
                    spendByCategory.merge(e.getKey(), price.get().cost(c.input, c.output), Double::sum);
                } else {
                    unpricedByCategory.computeIfAbsent(e.getKey(), k -> new Cell()).add(c);
                }
            }
        }
        for (var m : cells.entrySet()) {
            Optional<Price> price = options.prices().price(m.getKey());
            Cell t = total(m.getValue());
            rows.add(row("model", m.getKey(), ALL, t, price.map(p -> p.cost(t.input, t.output)), price.map(p -> String.format(Locale.ROOT,
                    "list $%s in / $%s out per M", plain(p.inputPerMillion()), plain(p.outputPerMillion()))).orElse("no price")));
        }
        Cell all = new Cell();
        Cell unpriced = new Cell();
        for (var e : byCategory.entrySet()) {
            Cell c = e.getValue();
            Cell u = unpricedByCategory.getOrDefault(e.getKey(), new Cell());
            all.add(c);
            unpriced.add(u);
            rows.add(blended("category", e.getKey(), c, u, spendByCategory.getOrDefault(e.getKey(), 0.0)));
        }
        rows.add(blended("total", ALL, all, unpriced, totalSpend()));
        rows.add(List.of("elasticity", ALL, ALL, "", "", "", "", "", elasticity().map(PricingState::describe)
                .orElse("needs at least 3 priced models with usage and different prices")));
        return rows;
    }

    /** A category (or total) row: its blended price is over the priced tokens only. */
    private static List<String> blended(String section, String category, Cell c, Cell unpriced, double spend) {
        long pricedTokens = c.tokens() - unpriced.tokens();
        String note = unpriced.tokens() > 0 ? String.format(Locale.ROOT, "%,d tokens of unpriced models left out", unpriced.tokens()) : "";
        return List.of(section, ALL, category, Long.toString(c.requests), Long.toString(c.input), Long.toString(c.output),
                money(spend), pricedTokens > 0 ? money(spend / pricedTokens * 1e6) : "", note);
    }

    private static List<String> row(String section, String model, String category, Cell c, Optional<Double> spend, String note) {
        return List.of(section, model, category, Long.toString(c.requests), Long.toString(c.input), Long.toString(c.output),
                spend.map(PricingState::money).orElse(""),
                spend.isPresent() && c.tokens() > 0 ? money(spend.get() / c.tokens() * 1e6) : "", note);
    }

    private static Cell total(Map<String, Cell> byCategory) {
        Cell t = new Cell();
        byCategory.values().forEach(t::add);
        return t;
    }

    static String describe(LogLogFit f) {
        return String.format(Locale.ROOT, "log-log fit over %d models: elasticity %.3f (95%% CI %.3f to %.3f), R2 %.2f; "
                + "a 10%% price cut brings %+.2f%% usage (study: +0.5 to +0.7%%)", f.n(), f.slope(), f.low(), f.high(), f.r2(),
                f.usageChange(-0.10) * 100);
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%.6f", usd);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
