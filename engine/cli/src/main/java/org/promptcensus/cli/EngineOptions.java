package org.promptcensus.cli;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.promptcensus.api.spi.Tagger;
import org.promptcensus.core.Engine;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.plugin.PluginHost;
import org.promptcensus.core.run.LazyEngine;
import org.promptcensus.core.taxonomy.TaxonomyResolver;
import picocli.CommandLine.Option;

/** Options that choose the taxonomies and plugins an engine tags with. */
final class EngineOptions {
    /** The environment variable naming the plugins folder. */
    static final String PLUGINS_ENV = "CENSUS_PLUGINS_DIR";

    @Option(names = "--taxonomy", split = ",", paramLabel = "ID",
            description = "Taxonomies to tag with, comma-separated (default: ${DEFAULT-VALUE}).", defaultValue = "usecase")
    List<String> taxonomies = new ArrayList<>(List.of("usecase"));

    @Option(names = "--taxonomy-dir", paramLabel = "DIR",
            description = "A taxonomy folder (with taxonomy.yaml), or a folder of them; searched before the bundled ones.")
    List<Path> taxonomyDirs = new ArrayList<>();

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Plugin jars folder (default: $" + PLUGINS_ENV + ", else plugins/ beside census.jar).")
    Path pluginsDir;

    @Option(names = "--strict", description = "Stop at the first bad record or failing plugin (exit code 2 or 1).")
    boolean strict;

    private PluginHost plugins;

    /** @return the plugins folder in effect, or null */
    Path pluginsDirectory() {
        if (pluginsDir != null) {
            return pluginsDir;
        }
        String env = System.getenv(PLUGINS_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path jar = Path.of(EngineOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent() == null ? null : jar.getParent().resolve("plugins");
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param err where plugin failures are reported (one line each)
     * @return the loaded plugins (loaded once per command)
     */
    PluginHost plugins(PrintStream err) {
        if (plugins == null) {
            plugins = PluginHost.load(pluginsDirectory(), TaxonomyResolver.BUNDLED, strict, line -> err.println("census: " + line));
        }
        return plugins;
    }

    TaxonomyResolver resolver(PrintStream err) {
        return new TaxonomyResolver(taxonomyDirs, EngineOptions.class.getClassLoader(), plugins(err).taxonomies());
    }

    /**
     * An engine built on first use only: roll-ups of tagged files never build one. The taxonomy ids
     * are checked now (cheaply), so that a wrong id fails as early as with {@link #build}.
     *
     * @param err where plugin failures are reported
     * @return the lazy engine; close it
     */
    LazyEngine lazy(PrintStream err) {
        TaxonomyResolver resolver = resolver(err);
        List<String> available = resolver.available();
        for (String id : taxonomies) {
            if (!available.contains(id.trim())) {
                resolver.resolve(id.trim()); // throws the usual "no taxonomy" error
            }
        }
        return new LazyEngine(() -> build(err));
    }

    Engine build(PrintStream err) {
        // The language model loads while plugins and taxonomies do: start-up is mostly such loading.
        CompletableFuture<LanguageIdentifier> languages = CompletableFuture.supplyAsync(LanguageIdentifier::new);
        TaxonomyResolver resolver = resolver(err);
        Engine.Builder b = Engine.builder();
        for (String id : taxonomies) {
            b.taxonomy(resolver.resolve(id.trim()));
        }
        for (Tagger t : plugins(err).taggers()) {
            b.tagger(t);
        }
        b.failOnPluginError(strict);
        try {
            b.languages(languages.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return b.build();
    }
}
