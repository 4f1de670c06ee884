package org.promptcensus.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real PF4J plugin jars in a test's temporary folder: a MANIFEST with {@code Plugin-Id},
 * {@code Plugin-Version}, {@code Plugin-Requires} (and optionally {@code Plugin-Class}), classes
 * compiled from Java sources given as strings, resources (taxonomy files, ...) and the
 * {@code META-INF/extensions.idx} index that lists the extension classes.
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("shouty")
 *         .extension("x.Shouty", "package x; @org.pf4j.Extension public class Shouty implements ... { ... }")
 *         .build(pluginsDir);
 * }</pre>
 * Sources are compiled against the test classpath (the engine API, PF4J), so a plugin may use
 * anything the host provides.
 *
 * <p>Not thread-safe: one builder per jar.
 */
public final class PluginJarBuilder {
    private final String id;
    private String version = "1.0.0";
    private String requires = ">=0.1.0";
    private String pluginClass;
    private boolean pluginManifest = true;
    private String fileName;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    private PluginJarBuilder(String id) {
        this.id = id;
    }

    /**
     * @param id the plugin id written as {@code Plugin-Id}
     * @return a builder for a plugin of version 1.0.0 requiring {@code >=0.1.0}
     */
    public static PluginJarBuilder plugin(String id) {
        return new PluginJarBuilder(id);
    }

    /** @param version {@code Plugin-Version} @return this */
    public PluginJarBuilder version(String version) {
        this.version = version;
        return this;
    }

    /** @param requires {@code Plugin-Requires}, e.g. {@code >=9.0.0} @return this */
    public PluginJarBuilder requires(String requires) {
        this.requires = requires;
        return this;
    }

    /** @param className {@code Plugin-Class}: a subclass of {@code org.pf4j.Plugin} @return this */
    public PluginJarBuilder pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    /** Leaves the plugin entries out of the MANIFEST: the jar is an ordinary jar, not a plugin. @return this */
    public PluginJarBuilder withoutPluginManifest() {
        this.pluginManifest = false;
        return this;
    }

    /** @param fileName the jar's file name (default {@code <id>-<version>.jar}) @return this */
    public PluginJarBuilder fileName(String fileName) {
        this.fileName = fileName;
        return this;
    }

    /**
     * @param className a fully qualified class name
     * @param code its Java source
     * @return this
     */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /**
     * Adds a class and lists it in {@code META-INF/extensions.idx}.
     *
     * @param className a fully qualified class name of an {@code @Extension}
     * @param code its Java source
     * @return this
     */
    public PluginJarBuilder extension(String className, String code) {
        source(className, code);
        return indexExtension(className);
    }

    /** @param className a class to list in {@code META-INF/extensions.idx} @return this */
    public PluginJarBuilder indexExtension(String className) {
        extensions.add(className);
        return this;
    }

    /**
     * @param path the resource's path in the jar, with {@code /} separators
     * @param content its text (UTF-8)
     * @return this
     */
    public PluginJarBuilder resource(String path, String content) {
        return resource(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param path the resource's path in the jar
     * @param content its bytes
     * @return this
     */
    public PluginJarBuilder resource(String path, byte[] content) {
        resources.put(path, content.clone());
        return this;
    }

    /**
     * Adds every file of a folder (e.g. a taxonomy folder) as resources under a prefix.
     *
     * @param dir a folder
     * @param prefix the jar path it becomes, e.g. {@code org/example/taxonomy}
     * @return this
     * @throws IOException when the folder cannot be read
     */
    public PluginJarBuilder resources(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                resource(prefix.isEmpty() ? rel : prefix + "/" + rel, Files.readAllBytes(f));
            }
        }
        return this;
    }

    /** @param entry another classpath entry for compiling the sources @return this */
    public PluginJarBuilder classpath(Path entry) {
        classpath.add(entry);
        return this;
    }

    /**
     * Compiles the sources and writes the jar.
     *
     * @param dir the folder to write it into (a plugins folder, usually)
     * @return the jar's path
     * @throws IOException when writing fails
     * @throws IllegalStateException when the sources do not compile
     */
    public Path build(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(fileName != null ? fileName : id + "-" + version + ".jar");
        Path classes = Files.createTempDirectory("census-plugin-classes");
        try {
            if (!sources.isEmpty()) {
                JavaSources.compile(sources, classpath, classes);
            }
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest())) {
                if (!extensions.isEmpty()) {
                    write(out, "META-INF/extensions.idx", (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        write(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
                for (Map.Entry<String, byte[]> r : resources.entrySet()) {
                    write(out, r.getKey(), r.getValue());
                }
            }
        } finally {
            deleteTree(classes);
        }
        return jar;
    }

    /**
     * Writes a file with a {@code .jar} name that is not a zip at all.
     *
     * @param dir the folder
     * @param fileName the jar's file name
     * @return its path
     * @throws IOException when writing fails
     */
    public static Path corruptJar(Path dir, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(fileName);
        Files.write(jar, "PK\u0003\u0004 this is not a zip file".getBytes(StandardCharsets.ISO_8859_1));
        return jar;
    }

    /**
     * The source of a {@code TaxonomyProvider} that serves a taxonomy from the plugin's resources.
     *
     * @param className fully qualified name of the provider class
     * @param taxonomyId the id it declares
     * @param resourceBase the resource folder holding {@code taxonomy.yaml}, e.g. {@code x/taxonomy}
     * @return Java source for {@link #extension}
     */
    public static String taxonomyProviderSource(String className, String taxonomyId, String resourceBase) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n";
        String simple = className.substring(dot + 1);
        return pkg + """
                @org.pf4j.Extension
                public class %s implements org.promptcensus.api.spi.TaxonomyProvider {
                    public String id() { return "%s"; }
                    public java.util.Optional<java.io.InputStream> open(String path) {
                        return java.util.Optional.ofNullable(%s.class.getResourceAsStream("/%s/" + path));
                    }
                }
                """.formatted(simple, taxonomyId, simple, resourceBase);
    }

    private Manifest manifest() {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (pluginManifest) {
            a.putValue("Plugin-Id", id);
            a.putValue("Plugin-Version", version);
            if (requires != null) {
                a.putValue("Plugin-Requires", requires);
            }
            if (pluginClass != null) {
                a.putValue("Plugin-Class", pluginClass);
            }
            a.putValue("Plugin-Provider", "census-testkit");
        }
        return m;
    }

    private static void write(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
