package org.promptcensus.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.promptcensus.core.io.NonClosingOutputStream;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.simulate.PromptPool;
import org.promptcensus.core.simulate.TrafficProfile;
import org.promptcensus.core.simulate.TrafficSimulator;
import org.promptcensus.core.simulate.TruthCollector;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomyLoader;
import org.promptcensus.core.taxonomy.TaxonomySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code census simulate}: write a synthetic gateway log with a planted use-case mix per model. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a realistic, synthetic gateway log whose use-case mix per model is known (planted), "
                + "to test `census tag` and `census mix` against the truth.", "",
                "One JSON object per line, in time order: {\"id\", \"created\", \"user\", \"model\", \"messages\", "
                        + "\"tools\" (on tool calls), \"usage\": {\"prompt_tokens\", \"completion_tokens\", \"reasoning_tokens\"}, "
                        + "\"finish_reason\", \"planted\"}. `planted` is the true category; `census tag` ignores it "
                        + "(it reports it once as an unknown field).",
                "The traffic profile (default: the bundled taxonomies/models/traffic-profile.yaml) plants the period, the "
                        + "models and their weekly request shares, each model's use-case mix, tool-call rate and reasoning "
                        + "share, token lengths per category (log-normal, drifting over the weeks), languages, and users "
                        + "with monthly churn and comeback per model. Prompts are the seed corpus's messages for the "
                        + "planted category, in the request's language when the corpus has it, else English. Token counts "
                        + "are drawn from the profile, not counted from the prompt.",
                "The same --requests, --seed, --users, profile and corpus give byte-identical output.", ""},
        footer = {"", "Examples:",
                "  census simulate --requests 100000 --seed 1 -o traffic.jsonl --truth truth.json",
                "  census simulate --requests 1000000 -o traffic.jsonl.gz --profile mine.yaml",
                "  census simulate --requests 50000 | census tag -o tagged.jsonl"})
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Option(names = "--requests", required = true, paramLabel = "N", description = "Records to write.")
    long requests;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the log here instead of stdout; gzipped when FILE ends in .gz.")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Also write the planted truth, counted from the records written: per model its requests, tokens and "
                    + "mix by tokens and by requests (JSON).")
    Path truth;

    @Option(names = "--profile", paramLabel = "FILE", description = "A traffic profile (YAML) instead of the bundled one.")
    Path profile;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Labelled prompts to draw from, <category>.jsonl files (in DIR or DIR/usecase), instead of the bundled seed corpus.")
    Path corpus;

    @Option(names = "--users", paramLabel = "N",
            description = "Distinct users (default: the profile's users per " + TrafficProfile.REFERENCE_REQUESTS + " requests, scaled to --requests).")
    Long users;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your model catalog (YAML), searched before the bundled one.")
    Path catalog;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (requests < 0) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--requests must not be negative");
        }
        if (users != null && users < 1) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--users must be at least 1");
        }
        ClassLoader loader = SimulateCommand.class.getClassLoader();
        List<String> categories = usecaseCategories(loader);
        ModelCatalog models = ModelCatalog.load(catalog, loader);
        TrafficProfile p = profile == null ? TrafficProfile.loadBundled(loader, models, categories)
                : TrafficProfile.load(profile, models, categories);
        PromptPool pool = corpus == null ? PromptPool.fromClasspath(loader, categories) : PromptPool.fromDirectory(corpus, categories);
        TrafficSimulator simulator = new TrafficSimulator(p, pool);
        long n = users != null ? users : simulator.defaultUsers(requests);
        TruthCollector collector = truth == null ? null : simulator.newTruthCollector();

        long t0 = System.nanoTime();
        TrafficSimulator.Result result;
        try (Writer out = open()) {
            result = simulator.run(requests, seed, n, out, collector);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, (output == null ? "stdout" : output.toString()) + ": " + e.getMessage(), e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (collector != null) {
            try (Writer w = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
                collector.write(w);
            } catch (IOException e) {
                throw new CensusException(ErrorCode.IO, truth + ": " + e.getMessage(), e);
            }
        }
        if (!quiet) {
            root.streams.err().printf("census: wrote %,d requests by %,d users over %d weeks from %s (%,d tokens) to %s in %.1f s (%,.0f records/s)%s%n",
                    result.requests(), result.users(), p.weeks(), p.start(), result.tokens(), output == null ? "stdout" : output,
                    secs, result.requests() / Math.max(secs, 1e-9), truth == null ? "" : "; truth in " + truth);
        }
        return ExitCodes.OK;
    }

    private Writer open() throws IOException {
        OutputStream os;
        if (output == null) {
            os = new NonClosingOutputStream(root.streams.out());
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            os = Files.newOutputStream(output);
            if (output.getFileName().toString().endsWith(".gz")) {
                os = new GZIPOutputStream(os, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);   // a synthetic log: speed over size
                    }
                };
            }
        }
        return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The top-level categories of the bundled usecase taxonomy: the seed corpus has one file per category. */
    private static List<String> usecaseCategories(ClassLoader loader) {
        String base = TaxonomyBundle.CLASSPATH_BASE + "/usecase";
        if (loader.getResource(base + "/" + TaxonomyLoader.DEFINITION) == null) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, "classpath:" + base + ": the usecase taxonomy is not on the classpath");
        }
        Taxonomy usecase = new TaxonomyLoader().load(TaxonomySource.classpath(loader, base));
        return usecase.categoryIds().stream().filter(c -> !c.contains("/")).toList();
    }
}
