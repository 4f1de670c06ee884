package org.promptcensus.cli;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.Engine;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.mix.MixRun;
import org.promptcensus.core.mix.ShareCorrector;
import org.promptcensus.api.spi.Aggregator;
import org.promptcensus.core.report.HtmlReport;
import org.promptcensus.core.report.PluginTable;
import org.promptcensus.core.report.ReportData;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code census report}: one pass over a log, one self-contained HTML page of charts and tables. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report of a log: charts and the tables behind them.", "",
                "One streaming pass over the log (tagging it on the fly, or reading back the output of `census tag`) feeds "
                        + "every chart at once: the use-case mix of the top models; weekly use-case shares; open vs closed "
                        + "weights and the developers' origin over time; the mix per size bucket and per openness; retention "
                        + "by cohort for the largest models; prompt and completion lengths per use case.", "",
                "Shares are token-weighted (prompt + completion) on primary tags. Cells with fewer than --privacy-k "
                        + "distinct users are suppressed. With --confusion (the JSON of `census eval --json`), the tables add "
                        + "shares corrected for the classifier's errors, with 95%% bootstrap intervals.", "",
                "The page loads nothing from anywhere (inline CSS, charts as inline SVG, no scripts) and holds aggregates "
                        + "only: no prompt text, no user ids. Open it in any browser, mail it, archive it.", ""},
        footer = {"", "Examples:",
                "  census report traffic.jsonl -o report.html          # tags on the fly",
                "  census report tagged.jsonl -o report.html --top 20 --title \"Q3 traffic\"",
                "  census report tagged.jsonl -o report.html --confusion eval.json",
                "  census report logs/*.jsonl.gz -o report.html --catalog models.yaml",
                "  census report tagged.jsonl -o report.html --privacy-k 25",
                "  census report tagged.jsonl -o report.html --aggregator-option pricing:prices=my-prices.yaml"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "FILE", description = "Logs or tagged files (JSON Lines, plain or .gz); '-' or none for stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Prompt Census report",
            description = "The page's title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--top", paramLabel = "N", defaultValue = "12",
            description = "Models in the model chart, by tokens; retention shows up to 6 of them (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--privacy-k", paramLabel = "K", defaultValue = "10",
            description = "Suppress cells, cohorts and length rows with fewer distinct users (requests for lengths); 0 disables "
                    + "(default: ${DEFAULT-VALUE}).")
    int privacyK;

    @Option(names = "--confusion", paramLabel = "EVAL.json",
            description = "Confusion matrix from `census eval --json` on labelled data: the tables add corrected shares and 95%% intervals.")
    Path confusion;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "200",
            description = "Bootstrap replicates for the intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your model catalog (YAML), searched before the bundled one.")
    Path catalog;

    @Option(names = "--threads", paramLabel = "N", description = "Tagging threads for untagged input (default: the number of cores).")
    Integer threads;

    @Option(names = "--field", paramLabel = "NAME=PATH", description = "Map a field of another log schema (see `census tag --help`).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--aggregator", paramLabel = "ID",
            description = "A plugin aggregator whose table becomes a section of the page (repeatable; default: every installed one, "
                    + "see `census plugins`).")
    List<String> aggregators = new ArrayList<>();

    @Option(names = "--no-aggregators", description = "Leave the plugin aggregators out.")
    boolean noAggregators;

    @Option(names = "--aggregator-option", paramLabel = "ID:KEY=VALUE",
            description = "An option of one aggregator, e.g. pricing:prices=my-prices.yaml.")
    List<String> aggregatorOptions = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintStream err = root.streams.err();
        if (top < 1) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--top must be at least 1, got " + top);
        }
        if (privacyK < 0) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--privacy-k must be 0 or more, got " + privacyK);
        }
        ShareCorrector corrector = confusion == null ? null : ShareCorrector.fromEvalJson(confusion, bootstrap);
        ModelCatalog models = ModelCatalog.load(catalog, ReportCommand.class.getClassLoader());
        ReportData data = new ReportData(engineOptions.taxonomies.get(0).trim(), privacyK);
        List<PluginRun> plugins = pluginRuns(err);
        RunSummary summary;
        long[] shown = {0};
        try (Engine engine = engineOptions.build(err); InputFiles in = new InputFiles(files, root.streams.in(), null)) {
            TagRun tagRun = new TagRun(engine, new RecordParser(FieldMapping.parse(fields)),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), engineOptions.strict, false);
            MixRun run = data.feed(new MixRun(tagRun, models));
            for (PluginRun p : plugins) {
                run.add(r -> p.state().add(r.tagged(), r.model()));
            }
            summary = run.run(in, s -> {
                if (shown[0]++ < 100) {
                    err.println("census: " + s.describe());
                }
            });
        }
        HtmlReport report = new HtmlReport(data, new HtmlReport.Options(title, top, corrector,
                confusion == null ? null : confusion.getFileName().toString(), Instant.now()),
                plugins.stream().map(p -> new PluginTable(p.aggregator().id(), p.aggregator().description(), p.state().table())).toList());
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            report.write(summary, out);
        }
        if (!quiet) {
            err.println("census: " + summary.describe());
            err.println("census: wrote " + output);
        }
        return ExitCodes.OK;
    }

    /** A plugin aggregator and its state for this run. */
    private record PluginRun(Aggregator aggregator, Aggregator.State state) {
    }

    private List<PluginRun> pluginRuns(PrintStream err) {
        if (noAggregators) {
            return List.of();
        }
        List<Aggregator> installed = engineOptions.plugins(err).aggregators();
        List<Aggregator> chosen = aggregators.isEmpty() ? installed
                : aggregators.stream().map(id -> AggregatorTable.find(installed, id)).toList();
        List<PluginRun> out = new ArrayList<>();
        for (Aggregator a : chosen) {
            List<String> options = new ArrayList<>();
            for (String o : aggregatorOptions) {
                int colon = o.indexOf(':');
                if (colon < 1 || o.indexOf('=') < colon) {
                    throw new CensusException(ErrorCode.BAD_USAGE, "--aggregator-option must be ID:KEY=VALUE, got '" + o + "'");
                }
                if (o.substring(0, colon).equals(a.id())) {
                    options.add(o.substring(colon + 1));
                }
            }
            out.add(new PluginRun(a, a.newState(options)));
        }
        return out;
    }
}
