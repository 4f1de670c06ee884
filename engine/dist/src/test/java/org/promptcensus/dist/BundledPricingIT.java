package org.promptcensus.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code census mix --aggregator pricing} with the bundled pricing plugin, over the sample log. */
class BundledPricingIT {
    private static final Path SAMPLE = Path.of(System.getProperty("census.root", "../.."), "corpora", "samples", "requests.jsonl");

    @TempDir
    Path dir;

    @Test
    void printsSpendPerModelAndCategoryBlendedPricesAndTheFit() {
        Cli.Result r = Cli.run("mix", SAMPLE.toString(), "--aggregator", "pricing", "--plugins-dir", BundledPlugins.PLUGINS.toString(),
                "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,model,category,requests,input_tokens,output_tokens,spend_usd,usd_per_mtok,note");
        // req-0001: gpt-4o-mini, 1014 prompt + 636 completion tokens, at 0.15 / 0.60 per M
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("spend,gpt-4o-mini,programming,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("model,gpt-4o-mini,(all),3,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("category,(all),programming,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("total,(all),(all),30,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("elasticity,(all),(all)").contains("log-log fit over").contains("95% CI");
        assertThat(r.err()).contains("30 records read");
    }

    @Test
    void pricesCanBeOverridden() throws IOException {
        Path prices = Files.writeString(dir.resolve("prices.yaml"), "models:\n  gpt-4o-mini: {input: 1000000, output: 0}\n");
        Cli.Result r = Cli.run("mix", SAMPLE.toString(), "--aggregator", "pricing", "--aggregator-option", "prices=" + prices,
                "--plugins-dir", BundledPlugins.PLUGINS.toString(), "--format", "csv", "--by", "model");
        assertThat(r.code()).as(r.err()).isZero();
        // a dollar per input token: spend equals the input tokens of gpt-4o-mini
        String row = r.out().lines().filter(l -> l.startsWith("model,gpt-4o-mini,")).findFirst().orElseThrow();
        String[] cells = row.split(",");
        assertThat(Double.parseDouble(cells[6])).isEqualTo(Double.parseDouble(cells[4]));
    }

    @Test
    void unknownAggregatorsAndOptionsAreUsageErrors() {
        Cli.Result none = Cli.run("mix", SAMPLE.toString(), "--aggregator", "nope", "--plugins-dir", BundledPlugins.PLUGINS.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no aggregator 'nope'; available: pricing");
        Cli.Result bad = Cli.run("mix", SAMPLE.toString(), "--aggregator", "pricing", "--aggregator-option", "currency=EUR",
                "--plugins-dir", BundledPlugins.PLUGINS.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown option 'currency'");
    }

    @Test
    void theReportShowsThePricingTableWithOverriddenPrices() throws IOException {
        Path prices = Files.writeString(dir.resolve("prices.yaml"), "models:\n  gpt-4o-mini: {input: 1000000, output: 0}\n");
        Path html = dir.resolve("report.html");
        Cli.Result r = Cli.run("report", SAMPLE.toString(), "-o", html.toString(), "--privacy-k", "0",
                "--aggregator-option", "pricing:prices=" + prices, "--plugins-dir", BundledPlugins.PLUGINS.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<section id=\"plugin-pricing\">").contains("<th>spend_usd</th>").contains("<td>gpt-4o-mini</td>")
                .contains("log-log fit over");
        Cli.Result without = Cli.run("report", SAMPLE.toString(), "-o", html.toString(), "--no-aggregators",
                "--plugins-dir", BundledPlugins.PLUGINS.toString());
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(Files.readString(html)).doesNotContain("plugin-pricing");
    }
}
