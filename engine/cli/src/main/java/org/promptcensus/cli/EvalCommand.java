package org.promptcensus.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.Engine;
import org.promptcensus.core.eval.EvalReport;
import org.promptcensus.core.eval.EvalReportWriter;
import org.promptcensus.core.eval.Evaluator;
import org.promptcensus.core.eval.GoldReader;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.eval.LabelOverlay;
import org.promptcensus.core.eval.SourceSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code census eval}: precision, recall and F1 of the tags against labelled records. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the primary tag against labelled JSON Lines.", "",
                "Gold format: {\"id\", \"lang\", \"messages\": [...], \"labels\": {\"usecase\": [\"programming\"]}} "
                        + "(primary label first; null = unknown, skipped). Prints per-category precision, recall, F1, "
                        + "support, macro and micro averages, a confusion matrix, and the same by language and by source. "
                        + "A taxonomy declared `labels: multi-label` (safety) is scored per category on the set of tags, "
                        + "and an empty label list means none (clean requests count).", ""})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--gold", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled JSON Lines files, or folders of them.")
    List<Path> gold = new ArrayList<>();

    @Option(names = "--labels", arity = "1..*", paramLabel = "FILE",
            description = "Label files or folders ({\"id\", \"labels\": {\"usecase\": [...]}} per line) that replace the gold "
                    + "records' labels by id; only the records they name are evaluated. Relabels a corpus without copying its text, "
                    + "e.g. corpora/dev-relabels/.")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--eval-taxonomy", paramLabel = "ID", description = "The taxonomy to evaluate (default: the first of --taxonomy).")
    String evalTaxonomy;

    @Option(names = "--min-support", paramLabel = "N", defaultValue = "10",
            description = "Categories with fewer gold records are shown but left out of macro-F1 (default: ${DEFAULT-VALUE}).")
    int minSupport;

    @Option(names = "--max-per-source", paramLabel = "N", defaultValue = "0",
            description = "Evaluate at most N records of each source (a deterministic pick), so large datasets do not dominate; 0: all.")
    int maxPerSource;

    @Option(names = "--threads", paramLabel = "N", description = "Tagging threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--mistakes", paramLabel = "N", defaultValue = "0",
            description = "Print up to N misclassified records (id, gold, predicted) to stderr; no prompt text.")
    int mistakes;

    @Override
    public Integer call() {
        PrintStream err = root.streams.err();
        List<String> errors = new ArrayList<>();
        List<GoldRecord> read = new GoldReader().read(gold, errors::add);
        if (!labels.isEmpty()) {
            read = LabelOverlay.read(labels, errors::add).apply(read);
        }
        List<GoldRecord> records = SourceSampler.capPerSource(read, maxPerSource);
        errors.stream().limit(100).forEach(e -> err.println("census: " + e));
        if (records.isEmpty()) {
            throw new CensusException(ErrorCode.BAD_USAGE, "no labelled records in " + gold);
        }
        try (Engine engine = engineOptions.build(root.streams.err())) {
            String taxonomy = evalTaxonomy != null ? evalTaxonomy : engineOptions.taxonomies.get(0);
            int[] shown = {0};
            EvalReport report = new Evaluator(engine, taxonomy, minSupport).evaluate(records,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    (g, predicted, t) -> {
                        if (shown[0]++ < mistakes) {
                            err.printf("mistake: %s (%s) gold=%s predicted=%s%n", g.request().id(), t.lang(),
                                    g.labels(taxonomy).orElseThrow(), predicted);
                        }
                    });
            EvalReportWriter writer = new EvalReportWriter();
            if (json) {
                writer.json(report, root.streams.out());
            } else {
                writer.text(report, root.streams.out());
            }
        }
        return ExitCodes.OK;
    }
}
