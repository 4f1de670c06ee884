package org.promptcensus.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.Aggregator;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.Tagger;
import org.promptcensus.api.spi.TaxonomyProvider;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomySource;

/**
 * Loads PF4J plugin jars from a folder and collects their extensions: taxonomies, taggers,
 * aggregators and input formats. A plugin that fails to load, throws in start, needs a newer
 * engine, or provides a broken extension is reported with a one-line failure naming the plugin
 * and the cause, and the others are kept — unless the host is strict, in which case the first
 * failure is a {@link CensusException}.
 *
 * <p>Thread-safe after {@link #load}: the lists are immutable; extensions state their own contracts.
 */
public final class PluginHost implements AutoCloseable {
    /** The engine version plugins' {@code Plugin-Requires} is checked against. */
    public static final String ENGINE_VERSION = "0.1.0";

    private final JarPluginManager manager;
    private final List<PluginStatus> statuses;
    private final List<String> failures;
    private final Map<String, TaxonomyBundle> taxonomies;
    private final List<Tagger> taggers;
    private final List<Aggregator> aggregators;
    private final List<InputFormat> formats;

    private PluginHost(JarPluginManager manager, List<PluginStatus> statuses, List<String> failures,
                       Map<String, TaxonomyBundle> taxonomies, List<Tagger> taggers, List<Aggregator> aggregators,
                       List<InputFormat> formats) {
        this.manager = manager;
        this.statuses = List.copyOf(statuses);
        this.failures = List.copyOf(failures);
        this.taxonomies = Map.copyOf(taxonomies);
        this.taggers = List.copyOf(taggers);
        this.aggregators = List.copyOf(aggregators);
        this.formats = List.copyOf(formats);
    }

    /** @return a host with no plugins */
    public static PluginHost empty() {
        return new PluginHost(null, List.of(), List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param dir the plugins folder (absent: no plugins)
     * @param reservedTaxonomies taxonomy ids already taken (bundled ones)
     * @param strict whether a plugin failure is fatal
     * @param warn receives one line per failure (when not strict)
     * @return the host
     */
    public static PluginHost load(Path dir, List<String> reservedTaxonomies, boolean strict, Consumer<String> warn) {
        if (dir == null || !Files.isDirectory(dir)) {
            return empty();
        }
        List<String> failures = new ArrayList<>();
        Consumer<String> fail = msg -> {
            if (strict) {
                throw new CensusException(ErrorCode.PLUGIN_FAILED, msg + " (--strict)");
            }
            failures.add(msg);
            warn.accept(msg);
        };
        JarPluginManager manager = new JarPluginManager(dir);
        manager.setSystemVersion(ENGINE_VERSION);
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, dir + ": " + e.getMessage(), e);
        }
        Map<String, String> failureById = new LinkedHashMap<>();
        List<PluginStatus> statuses = new ArrayList<>();
        for (Path jar : jars) {
            try {
                String id = manager.loadPlugin(jar);
                PluginWrapper w = manager.getPlugin(id);
                if (w.getPluginState() == PluginState.DISABLED || w.getPluginState() == PluginState.FAILED) {
                    String requires = w.getDescriptor().getRequires();
                    String why = requires != null && !requires.isBlank() && !"*".equals(requires)
                            && !manager.getVersionManager().checkVersionConstraint(ENGINE_VERSION, requires)
                            ? "needs engine " + requires + ", this is " + ENGINE_VERSION : "disabled";
                    failureById.put(id, why);
                    fail.accept("plugin " + id + ": " + why);
                }
            } catch (RuntimeException e) {
                String msg = "plugin jar " + jar.getFileName() + ": cannot load: " + rootMessage(e);
                statuses.add(new PluginStatus(jar.getFileName().toString(), "?", "failed", List.of(), msg));
                fail.accept(msg);
            }
        }
        for (PluginWrapper w : manager.getPlugins()) {
            if (failureById.containsKey(w.getPluginId())) {
                continue;
            }
            PluginState state;
            Throwable thrown = null;
            try {
                state = manager.startPlugin(w.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                // PF4J's startPlugin(id) lets what the plugin's start() throws through
                thrown = e;
                state = PluginState.FAILED;
            }
            if (state != PluginState.STARTED) {
                Throwable t = thrown != null ? thrown : w.getFailedException();
                String why = "failed to start: " + (t == null ? state.toString() : rootMessage(t));
                failureById.put(w.getPluginId(), why);
                fail.accept("plugin " + w.getPluginId() + ": " + why);
            }
        }
        Map<String, TaxonomyBundle> taxonomies = new LinkedHashMap<>();
        List<Tagger> taggers = new ArrayList<>();
        List<Aggregator> aggregators = new ArrayList<>();
        List<InputFormat> formats = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            String id = w.getPluginId();
            List<String> provided = new ArrayList<>();
            if (!failureById.containsKey(id)) {
                // Collect this plugin's extensions first and keep them only if all of them load.
                Map<String, TaxonomyBundle> myTaxonomies = new LinkedHashMap<>();
                List<Tagger> myTaggers = new ArrayList<>();
                List<Aggregator> myAggregators = new ArrayList<>();
                List<InputFormat> myFormats = new ArrayList<>();
                try {
                    for (TaxonomyProvider p : manager.getExtensions(TaxonomyProvider.class, id)) {
                        String tid = p.id();
                        if (reservedTaxonomies.contains(tid) || taxonomies.containsKey(tid) || myTaxonomies.containsKey(tid)) {
                            throw new CensusException(ErrorCode.PLUGIN_FAILED, "declares taxonomy '" + tid + "', which is taken");
                        }
                        TaxonomyBundle b = TaxonomyBundle.load(new ProviderSource(p));
                        if (!b.taxonomy().id().equals(tid)) {
                            throw new CensusException(ErrorCode.PLUGIN_FAILED, "provider id '" + tid + "' but taxonomy.yaml says '"
                                    + b.taxonomy().id() + "'");
                        }
                        myTaxonomies.put(tid, b);
                        provided.add("taxonomy:" + tid);
                    }
                    for (Tagger t : manager.getExtensions(Tagger.class, id)) {
                        myTaggers.add(new GuardedTagger(id, t));
                        provided.add("tagger:" + t.id());
                    }
                    for (Aggregator a : manager.getExtensions(Aggregator.class, id)) {
                        myAggregators.add(a);
                        provided.add("aggregator:" + a.id());
                    }
                    for (InputFormat f : manager.getExtensions(InputFormat.class, id)) {
                        myFormats.add(f);
                        provided.add("format:" + f.name());
                    }
                    taxonomies.putAll(myTaxonomies);
                    taggers.addAll(myTaggers);
                    aggregators.addAll(myAggregators);
                    formats.addAll(myFormats);
                } catch (RuntimeException | LinkageError e) {
                    String why = rootMessage(e);
                    failureById.put(id, why);
                    provided.clear();
                    fail.accept("plugin " + id + ": " + why);
                }
            }
            String failure = failureById.get(id);
            statuses.add(new PluginStatus(id, w.getDescriptor().getVersion(),
                    failure != null ? "failed" : w.getPluginState().toString().toLowerCase(), provided,
                    failure == null ? null : "plugin " + id + ": " + failure));
        }
        return new PluginHost(manager, statuses, failures, taxonomies, taggers, aggregators, formats);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        if (t instanceof CensusException && t.getMessage() != null) {
            m = t.getMessage();
        }
        return m.lines().findFirst().orElse(m);
    }

    /** @return every plugin jar seen, with its state and extensions */
    public List<PluginStatus> plugins() {
        return statuses;
    }

    /** @return one line per failure */
    public List<String> failures() {
        return failures;
    }

    /** @return taxonomies provided by plugins, by id */
    public Map<String, TaxonomyBundle> taxonomies() {
        return taxonomies;
    }

    /** @return plugin taggers (each guarded: a throwing tagger is reported per record, not fatal) */
    public List<Tagger> taggers() {
        return taggers;
    }

    /**
     * @return one line per plugin tagger that threw on records so far (naming the plugin, the
     *         count and the first cause), for the end of a run
     */
    public List<String> taggerFailures() {
        return taggers.stream().filter(t -> t instanceof GuardedTagger).map(t -> ((GuardedTagger) t).failureSummary())
                .flatMap(java.util.Optional::stream).toList();
    }

    /** @return plugin aggregators */
    public List<Aggregator> aggregators() {
        return aggregators;
    }

    /** @return plugin input formats */
    public List<InputFormat> formats() {
        return formats;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    /** Adapts a provider to a taxonomy source. */
    private record ProviderSource(TaxonomyProvider provider) implements TaxonomySource {
        @Override
        public java.util.Optional<java.io.InputStream> open(String relativePath) throws IOException {
            return provider.open(relativePath);
        }

        @Override
        public String describe(String relativePath) {
            return "plugin taxonomy " + provider.id() + ":" + relativePath;
        }
    }
}
