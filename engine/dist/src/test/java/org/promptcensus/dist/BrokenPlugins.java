package org.promptcensus.dist;

import java.io.IOException;
import java.nio.file.Path;
import org.promptcensus.testkit.PluginJarBuilder;

/** Builds the plugin jars of the fault tests: one good plugin and one jar per kind of fault. */
final class BrokenPlugins {
    private BrokenPlugins() {
    }

    /** A healthy plugin with a taxonomy {@code good} (categories {@code greeting}, {@code none}). */
    static Path good(Path dir) throws IOException {
        return PluginJarBuilder.plugin("good")
                .extension("good.GoodTaxonomy", PluginJarBuilder.taxonomyProviderSource("good.GoodTaxonomy", "good", "good/taxonomy"))
                .resource("good/taxonomy/taxonomy.yaml", """
                        id: good
                        description: Whether the request greets.
                        fallback: none
                        categories:
                          - id: greeting
                            description: The request greets the model.
                            threshold: 0.5
                          - id: none
                            description: No greeting.
                            threshold: 0.5
                        """)
                .resource("good/taxonomy/rules/greeting.yaml", """
                        category: greeting
                        rules:
                          - id: hello
                            query: 'hello OR hi'
                            weight: 3.0
                        """)
                .build(dir);
    }

    /** An ordinary jar without plugin entries in its MANIFEST. */
    static Path notAPlugin(Path dir) throws IOException {
        return PluginJarBuilder.plugin("plain").withoutPluginManifest().fileName("plain-library.jar")
                .source("plain.Util", "package plain; public class Util {}").build(dir);
    }

    /** A file named .jar that is not a zip. */
    static Path corrupt(Path dir) throws IOException {
        return PluginJarBuilder.corruptJar(dir, "corrupt-plugin.jar");
    }

    /** A plugin whose Plugin-Class throws in start(). */
    static Path throwsInStart(Path dir) throws IOException {
        return PluginJarBuilder.plugin("boom").pluginClass("boom.BoomPlugin")
                .source("boom.BoomPlugin", """
                        package boom;
                        public class BoomPlugin extends org.pf4j.Plugin {
                            @Override public void start() { throw new IllegalStateException("database unreachable"); }
                        }
                        """)
                .build(dir);
    }

    /** A plugin that declares the taxonomy id {@code usecase}, which the engine's own taxonomy holds. */
    static Path takenTaxonomy(Path dir) throws IOException {
        return PluginJarBuilder.plugin("thief")
                .extension("thief.Usecase", PluginJarBuilder.taxonomyProviderSource("thief.Usecase", "usecase", "thief/taxonomy"))
                .resource("thief/taxonomy/taxonomy.yaml", """
                        id: usecase
                        description: A usecase of its own.
                        categories:
                          - id: other
                            description: Anything.
                            threshold: 0.5
                        """)
                .build(dir);
    }

    /** A plugin that needs engine 9. */
    static Path needsNewerEngine(Path dir) throws IOException {
        return PluginJarBuilder.plugin("future").requires(">=9.0.0")
                .extension("future.FutureTagger", """
                        package future;
                        @org.pf4j.Extension
                        public class FutureTagger implements org.promptcensus.api.spi.Tagger {
                            public String id() { return "future"; }
                            public java.util.List<org.promptcensus.api.spi.Contribution> tag(org.promptcensus.api.Request r, String lang) {
                                return java.util.List.of();
                            }
                        }
                        """)
                .build(dir);
    }

    /** A tagger that throws on every request whose text mentions "explode", and adds evidence otherwise. */
    static Path flakyTagger(Path dir) throws IOException {
        return PluginJarBuilder.plugin("flaky")
                .extension("flaky.FlakyTagger", """
                        package flaky;
                        import java.util.List;
                        import org.promptcensus.api.Request;
                        import org.promptcensus.api.spi.Contribution;
                        @org.pf4j.Extension
                        public class FlakyTagger implements org.promptcensus.api.spi.Tagger {
                            public String id() { return "flaky-tagger"; }
                            public List<Contribution> tag(Request r, String lang) {
                                boolean explode = r.messages().stream().anyMatch(m -> m.content().contains("explode"));
                                if (explode) {
                                    throw new IllegalStateException("cannot handle '" + r.id() + "'");
                                }
                                return List.of(new Contribution("usecase", "programming", 0.1, "flaky"));
                            }
                        }
                        """)
                .build(dir);
    }
}
