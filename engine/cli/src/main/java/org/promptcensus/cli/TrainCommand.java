package org.promptcensus.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.eval.GoldReader;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.rules.CompiledRules;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyLoader;
import org.promptcensus.core.taxonomy.TaxonomySource;
import org.promptcensus.core.text.TextSelector;
import org.promptcensus.core.train.ModelTrainer;
import org.promptcensus.core.train.BorrowedCorpus;
import org.promptcensus.core.train.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code census train}: train a taxonomy's document categorizer on a labelled corpus. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a taxonomy's statistical model (OpenNLP maxent) on labelled JSON Lines.", "",
                "The model is written to DIR/model.bin (or -o), where `census tag --taxonomy-dir DIR` finds it, and the "
                        + "taxonomy's parsed rules next to it (rules.bin), which spares engines parsing them at start-up. "
                        + "Training is deterministic: the same corpus gives the same model.", ""},
        footer = {"", "Example:", "  census train --taxonomy-dir my-taxonomy --corpus labelled/ && census tag --taxonomy-dir my-taxonomy --taxonomy mine in.jsonl"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Option(names = "--taxonomy-dir", required = true, paramLabel = "DIR", description = "The taxonomy folder (with taxonomy.yaml).")
    Path taxonomyDir;

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled JSON Lines files or folders (labels.<taxonomy id>: [category, ...]).")
    List<Path> corpus = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the model (default: DIR/model.bin).")
    Path output;

    @Option(names = "--iterations", description = "Maximum training iterations (default: the taxonomy's training.iterations, else 100).")
    Integer iterations;

    @Option(names = "--cutoff", description = "Drop features seen fewer times than this (default: the taxonomy's training.cutoff, else 2).")
    Integer cutoff;

    @Option(names = "--l2", description = "L2 regularization (default: the taxonomy's training.l2, else 2.0).")
    Double l2;

    @Option(names = "--no-bigrams", description = "Use single words only as features.")
    boolean noBigrams;

    private TrainOptions options(TrainOptions taxonomyDefaults) {
        return new TrainOptions(iterations != null ? iterations : taxonomyDefaults.iterations(),
                cutoff != null ? cutoff : taxonomyDefaults.cutoff(), l2 != null ? l2 : taxonomyDefaults.l2(),
                !noBigrams && taxonomyDefaults.bigrams(), taxonomyDefaults.headTerms());
    }

    @Override
    public Integer call() throws Exception {
        Taxonomy taxonomy = new TaxonomyLoader().load(TaxonomySource.directory(taxonomyDir));
        List<String> errors = new ArrayList<>();
        List<GoldRecord> records = new ArrayList<>(new GoldReader().read(corpus, errors::add));
        records.addAll(BorrowedCorpus.read(taxonomy, corpus, errors::add, line -> root.streams.err().println("census: " + line)));
        if (!errors.isEmpty()) {
            errors.stream().limit(100).forEach(e -> root.streams.err().println("census: " + e));
            throw new CensusException(ErrorCode.BAD_CORPUS, errors.size() + " bad records in the corpus; fix them first");
        }
        Path out = output != null ? output : taxonomyDir.resolve(TaxonomyLoader.MODEL);
        try (RequestAnalyzer analyzer = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier())) {
            long t0 = System.nanoTime();
            CategoryModel model = new ModelTrainer(analyzer).train(taxonomy, records,
                    options(TrainOptions.of(taxonomy.training())), line -> root.streams.err().println("census: " + line));
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "model", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                model.write(os);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            root.streams.err().printf("census: wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out), (System.nanoTime() - t0) / 1e9);
            CompiledRules rules = CompiledRules.compile(taxonomy, analyzer.analyzers());
            Path rulesOut = rules.writeNextTo(out);
            root.streams.err().printf("census: wrote %s (%,d rule queries)%n", rulesOut, rules.size());
        }
        return ExitCodes.OK;
    }
}
