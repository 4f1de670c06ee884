package org.promptcensus.core.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.taxonomy.TaxonomyLoader;
import org.promptcensus.core.taxonomy.TaxonomySource;

/** The repository's catalog, usecase categories, traffic profile and seed corpus, read from the source tree. */
final class SimulationFixture {
    static final Path ROOT = Path.of(System.getProperty("census.root", "../.."));
    static final ModelCatalog CATALOG = catalog();
    static final List<String> CATEGORIES = new TaxonomyLoader()
            .load(TaxonomySource.directory(ROOT.resolve("taxonomies/usecase"))).categoryIds().stream()
            .filter(c -> !c.contains("/")).toList();
    static final Path PROFILE = ROOT.resolve("taxonomies/models/traffic-profile.yaml");
    static final TrafficProfile PROFILE_LOADED = TrafficProfile.load(PROFILE, CATALOG, CATEGORIES);
    static final PromptPool POOL = PromptPool.fromDirectory(ROOT.resolve("corpora/seed"), CATEGORIES);
    static final TrafficSimulator SIMULATOR = new TrafficSimulator(PROFILE_LOADED, POOL);

    /** A simulated log and its truth. */
    record Log(String text, TruthCollector truth, TrafficSimulator.Result result) {
        List<String> lines() {
            return text.lines().toList();
        }

        /** @return the records' metadata, read without a JSON parser */
        List<Row> rows() {
            return text.lines().map(Row::of).toList();
        }
    }

    /**
     * The metadata of one simulated record.
     *
     * @param model its log id
     * @param created its timestamp
     * @param planted its planted category
     * @param tokens prompt plus completion tokens
     */
    record Row(String model, String created, String planted, long tokens) {
        static Row of(String line) {
            return new Row(LineSink.field(line, "model"), LineSink.field(line, "created"), last(line, "planted"),
                    number(line, "prompt_tokens") + number(line, "completion_tokens"));
        }

        /** Fields after "messages" are found from the end, where prompt text cannot interfere. */
        private static String last(String line, String field) {
            String key = "\"" + field + "\":\"";
            int at = line.lastIndexOf(key) + key.length();
            return line.substring(at, line.indexOf('"', at));
        }

        private static long number(String line, String field) {
            String key = "\"" + field + "\":";
            int at = line.lastIndexOf(key) + key.length();
            int end = at;
            while (Character.isDigit(line.charAt(end))) {
                end++;
            }
            return Long.parseLong(line.substring(at, end));
        }
    }

    private static Log log50k;

    private SimulationFixture() {
    }

    private static ModelCatalog catalog() {
        try (InputStream in = Files.newInputStream(ROOT.resolve("taxonomies/models/catalog.yaml"))) {
            return ModelCatalog.of(in, "catalog.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Log simulate(long requests, long seed) {
        try {
            StringWriter out = new StringWriter();
            TruthCollector truth = SIMULATOR.newTruthCollector();
            TrafficSimulator.Result r = SIMULATOR.run(requests, seed, out, truth);
            return new Log(out.toString(), truth, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a 50,000-request log, simulated once per test run */
    static synchronized Log log50k() {
        if (log50k == null) {
            log50k = simulate(50_000, 2025);
        }
        return log50k;
    }
}
