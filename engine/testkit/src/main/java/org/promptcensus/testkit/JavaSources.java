package org.promptcensus.testkit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with the JDK's compiler against the test classpath (the
 * engine API and PF4J). Annotation processing is off: {@link PluginJarBuilder} writes the
 * extension index itself. Stateless and thread-safe.
 */
final class JavaSources {
    private JavaSources() {
    }

    /**
     * @param sources fully qualified class name to source text
     * @param extraClasspath more classpath entries
     * @param outputDir where the class files go
     * @throws IllegalStateException naming the compiler's errors when the sources do not compile
     */
    static void compile(Map<String, String> sources, List<Path> extraClasspath, Path outputDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new StringSource(e.getKey(), e.getValue()));
        }
        List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-classpath", classpath(extraClasspath), "-d", outputDir.toString());
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Boolean ok = compiler.getTask(diagnostics, files, null, options, null, units).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException("plugin sources do not compile:\n" + diagnostics);
            }
        }
    }

    /**
     * The test classpath: Surefire and Failsafe put the real one in {@code surefire.test.class.path}
     * ({@code java.class.path} may be a single manifest-only jar); the locations of the engine API
     * and PF4J are added in any case.
     */
    static String classpath(List<Path> extra) {
        Set<String> entries = new LinkedHashSet<>();
        for (Path p : extra) {
            entries.add(p.toString());
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        for (Class<?> c : List.of(org.promptcensus.api.spi.Tagger.class, org.pf4j.Plugin.class, org.slf4j.Logger.class)) {
            location(c).ifPresent(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.util.Optional<String> location(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? java.util.Optional.empty() : java.util.Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** A compilation unit held in memory. */
    private static final class StringSource extends SimpleJavaFileObject {
        private final String code;

        StringSource(String className, String code) {
            super(java.net.URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
