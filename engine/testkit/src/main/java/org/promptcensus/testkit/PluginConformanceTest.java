package org.promptcensus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Category;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.spi.Aggregator;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;
import org.promptcensus.api.spi.Tagger;
import org.promptcensus.core.Engine;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.plugin.PluginHost;
import org.promptcensus.core.plugin.PluginStatus;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomyResolver;

/**
 * The conformance checks every plugin should pass, as a JUnit 5 base class. A plugin's test extends
 * it, names its built jar and what it must provide, and inherits the checks:
 * <pre>{@code
 * class MyPluginIT extends PluginConformanceTest {
 *     protected Path pluginJar() { return findJar(Path.of("target"), "census-plugin-mine-*.jar"); }
 *     protected String expectedPluginId() { return "mine"; }
 *     protected Set<String> expectedExtensions() { return Set.of("taxonomy:mine"); }
 * }
 * }</pre>
 * Run it as a Failsafe integration test ({@code *IT}): the jar exists only after {@code package}.
 *
 * <p>The plugin is loaded from its jar through the engine's {@link PluginHost}, from a temporary
 * plugins folder, exactly as {@code census} loads it. Checks: it starts without failures; the
 * plugin and extension ids are lower-case and as declared; each taxonomy's rules compile (an
 * {@link Engine} is built with it) and its categories have descriptions and thresholds in (0, 1);
 * tagging is deterministic and thread-safe (8 threads x 500 requests equal the sequential
 * results) and no plugin tagger fails on ordinary requests; malformed input gives clear errors
 * ({@link CensusException}s or failed records, never other exceptions); and each aggregator's
 * merged states equal one state fed everything.
 *
 * <p>Override {@link #requests()}, {@link #baseTaxonomies()}, {@link #aggregatorOptions} or
 * {@link #formatSample} to adapt the checks. One instance per class ({@code PER_CLASS}); the tests
 * of one class share the loaded plugin and are not meant to run concurrently with each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PluginConformanceTest {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    private Path pluginsDir;
    private PluginHost host;
    private final List<String> warnings = new ArrayList<>();
    private Engine engine;

    /** @return the built plugin jar, e.g. {@code findJar(Path.of("target"), "census-plugin-mine-*.jar")} */
    protected abstract Path pluginJar();

    /** @return the id its MANIFEST must declare as {@code Plugin-Id} */
    protected abstract String expectedPluginId();

    /**
     * @return the extensions it must provide, as {@code census plugins} lists them:
     *         {@code taxonomy:ID}, {@code tagger:ID}, {@code aggregator:ID}, {@code format:NAME}
     */
    protected abstract Set<String> expectedExtensions();

    /** @return the requests tagged and aggregated by the checks (default: {@link SampleRequests#all()}) */
    protected List<Request> requests() {
        return SampleRequests.all();
    }

    /** @return bundled taxonomies the engine also tags with, so plugin taggers have targets (default: usecase) */
    protected List<String> baseTaxonomies() {
        return List.of("usecase");
    }

    /**
     * @param aggregatorId one of the plugin's aggregators
     * @return the {@code KEY=VALUE} options its states are created with (default: none)
     */
    protected List<String> aggregatorOptions(String aggregatorId) {
        return List.of();
    }

    /**
     * @param formatName one of the plugin's input formats
     * @return a small valid input in that format, or null to check only that bad input is reported cleanly
     */
    protected String formatSample(String formatName) {
        return null;
    }

    /**
     * Finds the one jar in a folder matching a glob, leaving out sources, tests and javadoc jars.
     *
     * @param dir a folder, usually {@code target}
     * @param glob e.g. {@code census-plugin-mine-*.jar}
     * @return the jar
     */
    public static Path findJar(Path dir, String glob) {
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> jars = s.filter(p -> matcher.matches(p.getFileName()))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar")).sorted().toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one " + glob + " in " + dir.toAbsolutePath() + ", found " + jars
                        + "; build the plugin first (mvn package), and run this as a Failsafe *IT");
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(dir.toAbsolutePath() + ": " + e.getMessage()
                    + "; build the plugin first (mvn package)", e);
        }
    }

    /** @return the loaded host (after {@code @BeforeAll}) */
    protected final PluginHost host() {
        return host;
    }

    /** @return an engine tagging with the base taxonomies, the plugin's taxonomies and its taggers */
    protected final Engine engine() {
        if (engine == null) {
            TaxonomyResolver resolver = new TaxonomyResolver(List.of(), PluginConformanceTest.class.getClassLoader(), host.taxonomies());
            Engine.Builder b = Engine.builder();
            for (String id : baseTaxonomies()) {
                b.taxonomy(resolver.resolve(id));
            }
            host.taxonomies().keySet().stream().sorted().forEach(id -> b.taxonomy(host.taxonomies().get(id)));
            host.taggers().forEach(b::tagger);
            engine = b.build();
        }
        return engine;
    }

    @BeforeAll
    void loadPlugin() throws IOException {
        Path jar = pluginJar();
        assertThat(jar).as("plugin jar").isRegularFile();
        pluginsDir = Files.createTempDirectory("census-conformance");
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        host = PluginHost.load(pluginsDir, TaxonomyResolver.BUNDLED, false, warnings::add);
    }

    @AfterAll
    void unloadPlugin() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (host != null) {
            host.close();
        }
        if (pluginsDir != null) {
            try (Stream<Path> s = Files.walk(pluginsDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @DisplayName("the plugin loads from its jar and starts, with no failures")
    void pluginStarts() {
        assertThat(warnings).as("plugin failures").isEmpty();
        assertThat(host.failures()).as("plugin failures").isEmpty();
        assertThat(host.plugins()).as("plugins loaded from " + pluginJar().getFileName()).hasSize(1);
        PluginStatus p = host.plugins().get(0);
        assertThat(p.state()).as("state of plugin " + p.id()).isEqualTo("started");
        assertThat(p.version()).as("Plugin-Version").isNotBlank().isNotEqualTo("?");
    }

    @Test
    @DisplayName("plugin and extension ids are lower-case and as declared")
    void idsAreLowerCaseAndAsDeclared() {
        PluginStatus p = host.plugins().get(0);
        assertThat(p.id()).as("Plugin-Id").isEqualTo(expectedPluginId()).matches(ID);
        assertThat(new TreeSet<>(p.extensions())).as("extensions of plugin " + p.id())
                .isEqualTo(new TreeSet<>(expectedExtensions()));
        for (String e : p.extensions()) {
            assertThat(e.substring(e.indexOf(':') + 1)).as("id of extension " + e).matches(ID);
        }
        host.taxonomies().forEach((id, b) -> assertThat(b.taxonomy().id()).as("taxonomy.yaml id").isEqualTo(id));
    }

    @Test
    @DisplayName("each taxonomy's rules compile and its model fits it")
    void taxonomyRulesCompile() {
        assumeTrue(!host.taxonomies().isEmpty(), "the plugin provides no taxonomy");
        for (TaxonomyBundle b : host.taxonomies().values()) {
            try (Engine e = Engine.builder().taxonomy(b).build()) {
                assertThat(e.taxonomies()).extracting(Taxonomy::id).containsExactly(b.taxonomy().id());
                assertThat(e.tag(Request.ofText("probe", "hello, can you help me with something?"), false)
                        .tags(b.taxonomy().id())).as("tags of " + b.taxonomy().id()).isPresent();
            }
            b.model().ifPresent(m -> assertThat(b.taxonomy().categoryIds()).as("taxonomy categories")
                    .containsAll(m.categories()));
        }
    }

    @Test
    @DisplayName("each category has a description and a threshold in (0, 1)")
    void categoriesAreDescribed() {
        assumeTrue(!host.taxonomies().isEmpty(), "the plugin provides no taxonomy");
        for (TaxonomyBundle b : host.taxonomies().values()) {
            Taxonomy t = b.taxonomy();
            assertThat(t.description()).as("description of taxonomy " + t.id()).isNotBlank();
            assertThat(t.categories()).as("categories of " + t.id()).isNotEmpty();
            for (Category c : t.categories()) {
                assertThat(c.description()).as(t.id() + ":" + c.id() + " description").isNotBlank();
                assertThat(c.threshold()).as(t.id() + ":" + c.id() + " threshold").isGreaterThan(0.0).isLessThan(1.0);
            }
        }
    }

    @Test
    @DisplayName("tagging is deterministic and plugin taggers do not fail on ordinary requests")
    void taggingIsDeterministic() {
        for (Request r : requests()) {
            TaggedRequest first = engine().tag(r, true);
            TaggedRequest second = engine().tag(r, true);
            assertThat(second.tagSets()).as("tags of request " + r.id() + " the second time").isEqualTo(first.tagSets());
            assertThat(second.warnings()).isEqualTo(first.warnings());
            assertThat(first.warnings()).as("warnings of request " + r.id()).noneMatch(w -> w.startsWith("plugin_failed"));
            for (String t : taxonomyIds()) {
                assertThat(first.tags(t)).as("tags of " + t + " for request " + r.id()).isPresent();
            }
        }
    }

    @Test
    @DisplayName("concurrent tagging (8 threads x 500 requests) gives the sequential results")
    void taggingIsThreadSafe() throws Exception {
        List<Request> requests = requests();
        List<TaggedRequest> sequential = requests.stream().map(r -> engine().tag(r, false)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        int k = (i + offset * 7) % requests.size();
                        TaggedRequest got = engine().tag(requests.get(k), false);
                        if (!got.tagSets().equals(sequential.get(k).tagSets()) || !got.warnings().equals(sequential.get(k).warnings())) {
                            mismatches.add(requests.get(k).id() + ": " + got.tagSets() + " != " + sequential.get(k).tagSets());
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).as("results differing from the sequential ones").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("malformed requests and options give clear errors, not crashes")
    void malformedInputGivesClearErrors() throws IOException {
        Request noText = Request.builder("no-text").message(Role.ASSISTANT, "only the model spoke").message(Role.USER, "  ").build();
        assertThatThrownBy(() -> engine().tag(noText, false)).isInstanceOfSatisfying(CensusException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_TEXT));
        List<Request> odd = List.of(Request.builder("empty").build(), noText,
                Request.builder("tool-only").message(Role.TOOL, "{}").build(),
                Request.builder("huge").message(Role.USER, "x".repeat(2_000_000)).build());
        for (Tagger t : host.taggers()) {
            for (Request r : odd) {
                try {
                    List<?> c = t.tag(r, "und");
                    assertThat(c).as("tagger " + t.id() + " on request " + r.id()).isNotNull();
                } catch (CensusException e) {
                    assertThat(e.getMessage()).as("error of tagger " + t.id()).isNotBlank().doesNotContain("\n");
                } catch (RuntimeException e) {
                    fail("tagger " + t.id() + " crashed on request " + r.id() + " instead of returning or throwing a CensusException", e);
                }
            }
        }
        for (InputFormat f : host.formats()) {
            String garbage = "{not json\n\u0000\u0001\u0002\n[]\n\"a string\"\n{\"messages\": 5}\n{}\n";
            for (ReadResult r : read(f, garbage)) {
                if (r.error() != null) {
                    assertThat(r.error()).as("error of format " + f.name()).isNotBlank().doesNotContain("\n");
                }
            }
            assertThat(f.sniff("")).as(f.name() + " sniffing empty input").isBetween(0.0, 1.0);
            assertThat(f.sniff(garbage)).as(f.name() + " sniffing garbage").isBetween(0.0, 0.5);
        }
        for (Aggregator a : host.aggregators()) {
            assertThatThrownBy(() -> a.newState(List.of("no-such-option=1"))).as("aggregator " + a.id() + " given an unknown option")
                    .isInstanceOf(CensusException.class).hasMessageContaining("no-such-option");
        }
    }

    @Test
    @DisplayName("each input format reads its sample into requests the engine can tag")
    void formatsReadTheirSamples() throws IOException {
        assumeTrue(!host.formats().isEmpty(), "the plugin provides no input format");
        for (InputFormat f : host.formats()) {
            String sample = formatSample(f.name());
            if (sample == null) {
                continue;
            }
            assertThat(f.sniff(sample)).as(f.name() + " sniffing its own sample").isGreaterThan(0.5);
            List<ReadResult> results = read(f, sample);
            assertThat(results).as("records of the " + f.name() + " sample").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.error()).as("error at " + r.position()).isNull());
            for (ReadResult r : results) {
                if (r.request().hasText()) {
                    assertThat(engine().tag(r.request(), false).warnings()).noneMatch(w -> w.startsWith("plugin_failed"));
                }
            }
        }
    }

    @Test
    @DisplayName("merged aggregator states equal one state fed everything")
    void aggregatorsMerge() {
        assumeTrue(!host.aggregators().isEmpty(), "the plugin provides no aggregator");
        ModelCatalog catalog = ModelCatalog.load(null, PluginConformanceTest.class.getClassLoader());
        List<TaggedRequest> tagged = requests().stream().map(r -> engine().tag(r, false)).toList();
        for (Aggregator a : host.aggregators()) {
            List<String> options = aggregatorOptions(a.id());
            Aggregator.State all = a.newState(options);
            Aggregator.State even = a.newState(options);
            Aggregator.State odd = a.newState(options);
            for (int i = 0; i < tagged.size(); i++) {
                TaggedRequest t = tagged.get(i);
                ModelInfo m = catalog.lookup(t.request().model());
                all.add(t, m);
                (i % 2 == 0 ? even : odd).add(t, m);
            }
            even.merge(odd);
            List<List<String>> expected = all.table();
            assertThat(expected).as("table of aggregator " + a.id()).isNotEmpty();
            assertThat(even.table()).as("merged table of aggregator " + a.id()).isEqualTo(expected);
            Aggregator.State empty = a.newState(options);
            empty.merge(all);
            assertThat(empty.table()).as("empty state merged with a full one, aggregator " + a.id()).isEqualTo(expected);
        }
    }

    private List<String> taxonomyIds() {
        return engine().taxonomies().stream().map(Taxonomy::id).toList();
    }

    private static List<ReadResult> read(InputFormat f, String input) throws IOException {
        List<ReadResult> out = new ArrayList<>();
        InputSource source = new InputSource("sample", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try (RecordStream s = f.read(List.of(source))) {
            while (s.hasNext()) {
                out.add(s.next());
            }
        } catch (CensusException e) {
            assertThat(e.getMessage()).as("error of format " + f.name()).doesNotContain("\n");
        }
        return out;
    }
}
