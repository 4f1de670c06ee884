package org.promptcensus.core.taxonomy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Finds taxonomies by id: first in the directories the user named (each either a taxonomy folder
 * holding {@code taxonomy.yaml}, or a folder of such folders), then on the classpath (the bundled
 * taxonomy jar). Thread-safe.
 */
public final class TaxonomyResolver {
    private final List<Path> directories;
    private final ClassLoader loader;
    private final Map<String, TaxonomyBundle> plugins;

    /**
     * @param directories user taxonomy directories, searched first
     * @param loader the class loader holding bundled taxonomies
     */
    public TaxonomyResolver(List<Path> directories, ClassLoader loader) {
        this(directories, loader, Map.of());
    }

    /**
     * @param directories user taxonomy directories, searched first
     * @param loader the class loader holding bundled taxonomies
     * @param plugins taxonomies provided by plugins, searched after the directories
     */
    public TaxonomyResolver(List<Path> directories, ClassLoader loader, Map<String, TaxonomyBundle> plugins) {
        this.directories = List.copyOf(directories);
        this.loader = loader;
        this.plugins = Map.copyOf(plugins);
    }

    /**
     * @param id a taxonomy id
     * @return the taxonomy and its model
     * @throws CensusException BAD_USAGE when no taxonomy has that id
     */
    public TaxonomyBundle resolve(String id) {
        Path dir = userDirectories().get(id);
        if (dir != null) {
            return TaxonomyBundle.load(TaxonomySource.directory(dir));
        }
        if (plugins.containsKey(id)) {
            return plugins.get(id);
        }
        return TaxonomyBundle.fromClasspath(loader, id).orElseThrow(() -> new CensusException(ErrorCode.BAD_USAGE,
                "no taxonomy '" + id + "'; available: " + available()));
    }

    /** @return ids of the taxonomies that can be resolved */
    public List<String> available() {
        List<String> out = new ArrayList<>(userDirectories().keySet());
        plugins.keySet().stream().sorted().filter(p -> !out.contains(p)).forEach(out::add);
        for (String bundled : BUNDLED) {
            if (!out.contains(bundled) && loader.getResource(TaxonomyBundle.CLASSPATH_BASE + "/" + bundled + "/"
                    + TaxonomyLoader.DEFINITION) != null) {
                out.add(bundled);
            }
        }
        return out;
    }

    /** Taxonomies shipped inside the engine's own taxonomy jar. */
    public static final List<String> BUNDLED = List.of("usecase");

    private Map<String, Path> userDirectories() {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path d : directories) {
            if (Files.isRegularFile(d.resolve(TaxonomyLoader.DEFINITION))) {
                out.putIfAbsent(idOf(d), d);
            } else if (Files.isDirectory(d)) {
                try (var s = Files.list(d)) {
                    s.sorted().filter(p -> Files.isRegularFile(p.resolve(TaxonomyLoader.DEFINITION)))
                            .forEach(p -> out.putIfAbsent(idOf(p), p));
                } catch (java.io.IOException e) {
                    throw new CensusException(ErrorCode.IO, d + ": " + e.getMessage(), e);
                }
            } else {
                throw new CensusException(ErrorCode.BAD_USAGE, d + ": not a taxonomy directory (no " + TaxonomyLoader.DEFINITION + ")");
            }
        }
        return out;
    }

    private static String idOf(Path dir) {
        return Optional.ofNullable(new TaxonomyLoader().load(TaxonomySource.directory(dir)).id()).orElseThrow();
    }
}
