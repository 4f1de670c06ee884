package org.promptcensus.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.Aggregator;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.NonClosingOutputStream;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.Facet;
import org.promptcensus.core.mix.LabelMode;
import org.promptcensus.core.mix.LengthStats;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixRun;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.mix.MixWriter;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.ShareCorrector;
import org.promptcensus.core.mix.Weighting;
import org.promptcensus.core.run.LazyEngine;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code census mix}: roll tagged requests up into use-case mixes per model (or author, openness, ...). */
@Command(name = "mix", mixinStandardHelpOptions = true,
        description = {"Roll requests up into use-case mixes: which models are used for what, weighted by tokens.", "",
                "Reads a log (tagging it on the fly) or the output of `census tag`. One streaming pass; memory grows with "
                        + "the number of groups, not of records. Shares are token-weighted (prompt + completion; reasoning "
                        + "counts as completion) unless --weight requests. With --confusion (the JSON of `census eval`), "
                        + "shares are corrected for the classifier's errors, with 95% bootstrap intervals. Cells with fewer "
                        + "than --privacy-k distinct users are suppressed.", ""},
        footer = {"", "Examples:",
                "  census mix traffic.jsonl                               # use-case mix per model",
                "  census mix tagged.jsonl --by openness --period week    # weekly mix, open vs closed weights",
                "  census mix tagged.jsonl --by all --period week --facet author   # market share by author over time",
                "  census mix tagged.jsonl --by model --facet language    # language mix per model",
                "  census mix tagged.jsonl --facet sub:roleplay           # inside role-play",
                "  census mix tagged.jsonl --confusion eval.json --format csv -o mix.csv"})
final class MixCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "FILE", description = "Logs or tagged files; '-' or none for stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = "--by", defaultValue = "model", description = "Group by: all, model, author, openness, origin, size, reasoning, language (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--period", defaultValue = "all", description = "all, week (UTC, by Monday) or month (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--facet", defaultValue = "category", description = "Split each group by: category, sub:CATEGORY, or a dimension such as language or author (default: ${DEFAULT-VALUE}).")
    String facet;

    @Option(names = "--weight", defaultValue = "tokens", description = "tokens or requests (default: ${DEFAULT-VALUE}).")
    String weight;

    @Option(names = "--labels", defaultValue = "primary", description = "Multi-label weighting: primary (the best tag takes the request) or split (divided by score) (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--privacy-k", defaultValue = "10", description = "Suppress cells with fewer distinct users (0 disables; default: ${DEFAULT-VALUE}).")
    int privacyK;

    @Option(names = "--confusion", paramLabel = "EVAL.json", description = "Confusion matrix from `census eval --json` on labelled data: adds corrected shares and 95% intervals.")
    Path confusion;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Bootstrap replicates for the intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your model catalog (YAML), searched before the bundled one.")
    Path catalog;

    @Option(names = "--lengths", description = "Also print prompt and completion token lengths per category (mean, p50, p90, p99).")
    boolean lengths;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Tagging threads for untagged input (default: the number of cores).")
    Integer threads;

    @Mixin
    InputOptions inputOptions;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Option(names = "--aggregator", paramLabel = "ID", description = "Run a plugin aggregator (see `census plugins`) and print its table instead of the mix.")
    String aggregator;

    @Option(names = "--aggregator-option", paramLabel = "KEY=VALUE", description = "An option of the --aggregator, e.g. prices=my-prices.yaml.")
    List<String> aggregatorOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream err = root.streams.err();
        MixSpec spec = new MixSpec(engineOptions.taxonomies.get(0), Dimension.parse(by), Period.parse(period),
                Facet.parse(facet), Weighting.parse(weight), LabelMode.parse(labels), privacyK);
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--format must be table, csv or json");
        }
        ShareCorrector corrector = confusion == null ? null : ShareCorrector.fromEvalJson(confusion, bootstrap);
        ModelCatalog models = ModelCatalog.load(catalog, MixCommand.class.getClassLoader());
        MixAggregator mix = new MixAggregator(spec);
        LengthStats lengthStats = new LengthStats(spec.taxonomy());
        Aggregator.State plugin = aggregator == null ? null : AggregatorTable.find(engineOptions.plugins(err).aggregators(), aggregator)
                .newState(aggregatorOptions);
        RunSummary summary;
        long[] shown = {0};
        try (LazyEngine engine = engineOptions.lazy(root.streams.err());
             InputFiles in = inputOptions.open(files, root.streams.in(), null, "--input-format",
                engineOptions.plugins(err).formats(), n -> {
                    if (!quiet) {
                        err.println("census: " + n);
                    }
                })) {
            TagRun tagRun = new TagRun(engine, inputOptions.parser(),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), false, false);
            MixRun run = new MixRun(tagRun, models).add(mix::add).add(lengthStats::add);
            if (plugin != null) {
                run.add(r -> plugin.add(r.tagged(), r.model()));
            }
            summary = run.run(in, s -> {
                if (shown[0]++ < 100) {
                    err.println("census: " + s.describe());
                }
            });
        }
        if (plugin != null) {
            AggregatorTable.print(plugin.table(), format, output, root.streams.out());
            if (!quiet) {
                err.println("census: " + summary.describe());
            }
            return ExitCodes.OK;
        }
        List<MixRow> rows = mix.rows(corrector);
        List<String> notes = mix.notes(rows);
        try (Writer out = output == null ? new OutputStreamWriter(new NonClosingOutputStream(root.streams.out()), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            MixWriter writer = new MixWriter();
            switch (format) {
                case "csv" -> writer.csv(spec, rows, out);
                case "json" -> writer.write(writer.json(spec, rows, notes), out);
                default -> new MixTable(out).print(spec, rows, corrector != null, lengths ? lengthStats.rows() : List.of());
            }
            out.flush();
        }
        if (!quiet) {
            notes.forEach(n -> err.println("census: " + n));
            err.println("census: " + summary.describe());
        }
        return ExitCodes.OK;
    }
}
