package org.promptcensus.core.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.CensusException;
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

/**
 * Build-time trainer of a shipped taxonomy model, run by Maven while building the taxonomy jar:
 * {@code TrainMain <taxonomy-dir> <corpus-dir-or-file>... <out model.bin>}, with the taxonomy's
 * {@code training:} settings (and any corpus it borrows). Users train with
 * {@code census train}, which runs the same {@link ModelTrainer}. Next to the model it writes the
 * taxonomy's {@link CompiledRules} ({@value CompiledRules#FILE}), which spares engines parsing the
 * rules at start-up.
 */
public final class TrainMain {
    private TrainMain() {
    }

    /**
     * @param args taxonomy directory, corpus files or directories, output file
     * @throws IOException on write failure
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: TrainMain <taxonomy-dir> <corpus>... <out model.bin>");
            System.exit(2);
        }
        try {
            Taxonomy taxonomy = new TaxonomyLoader().load(TaxonomySource.directory(Path.of(args[0])));
            List<Path> corpus = new ArrayList<>();
            for (int i = 1; i < args.length - 1; i++) {
                corpus.add(Path.of(args[i]));
            }
            List<String> errors = new ArrayList<>();
            List<GoldRecord> records = new ArrayList<>(new GoldReader().read(corpus, errors::add));
            records.addAll(BorrowedCorpus.read(taxonomy, corpus, errors::add, System.err::println));
            if (!errors.isEmpty()) {
                errors.forEach(e -> System.err.println("census: " + e));
                System.exit(2);
            }
            try (RequestAnalyzer analyzer = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier())) {
                long t0 = System.nanoTime();
                CategoryModel model = new ModelTrainer(analyzer).train(taxonomy, records, TrainOptions.of(taxonomy.training()), System.err::println);
                Path out = Path.of(args[args.length - 1]);
                Files.createDirectories(out.toAbsolutePath().getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    model.write(os);
                }
                System.err.printf("wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out), (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                CompiledRules rules = CompiledRules.compile(taxonomy, analyzer.analyzers());
                Path rulesOut = rules.writeNextTo(out);
                System.err.printf("wrote %s (%,d queries, %,d bytes) in %.1f s%n", rulesOut, rules.size(), Files.size(rulesOut),
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (CensusException e) {
            System.err.println("census: " + e.getMessage());
            System.exit(2);
        }
    }
}
