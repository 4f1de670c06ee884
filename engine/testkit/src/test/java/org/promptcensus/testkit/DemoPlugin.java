package org.promptcensus.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a small, well-behaved demo plugin jar (a taxonomy, a tagger, an aggregator) for the kit's own tests. */
final class DemoPlugin {
    private static Path jar;

    private DemoPlugin() {
    }

    static synchronized Path jar() {
        if (jar == null) {
            try {
                jar = build(Files.createTempDirectory("census-demo-plugin"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return jar;
    }

    static Path build(Path dir) throws IOException {
        return PluginJarBuilder.plugin("demo")
                .extension("demo.DemoTaxonomy", PluginJarBuilder.taxonomyProviderSource("demo.DemoTaxonomy", "greetings", "demo/taxonomy"))
                .resource("demo/taxonomy/taxonomy.yaml", """
                        id: greetings
                        description: Whether a request opens with a greeting.
                        fallback: none
                        categories:
                          - id: greeting
                            description: The request greets the model.
                            threshold: 0.5
                          - id: none
                            description: No greeting.
                            threshold: 0.5
                        """)
                .resource("demo/taxonomy/rules/greeting.yaml", """
                        category: greeting
                        rules:
                          - id: hello
                            query: 'hello OR hi OR "good morning"'
                            weight: 3.0
                        """)
                .extension("demo.LengthTagger", """
                        package demo;
                        import java.util.List;
                        import org.promptcensus.api.Request;
                        import org.promptcensus.api.spi.Contribution;
                        @org.pf4j.Extension
                        public class LengthTagger implements org.promptcensus.api.spi.Tagger {
                            public String id() { return "length"; }
                            public List<Contribution> tag(Request r, String lang) {
                                int n = r.messages().stream().mapToInt(m -> m.content().length()).sum();
                                return n > 5000 ? List.of(new Contribution("usecase", "productivity", 1.0, "length")) : List.of();
                            }
                        }
                        """)
                .extension("demo.CountAggregator", """
                        package demo;
                        import java.util.*;
                        import org.promptcensus.api.*;
                        import org.promptcensus.api.spi.Aggregator;
                        @org.pf4j.Extension
                        public class CountAggregator implements Aggregator {
                            public String id() { return "count"; }
                            public State newState(List<String> options) {
                                for (String o : options) {
                                    throw new CensusException(ErrorCode.BAD_USAGE, "unknown option '" + o + "'");
                                }
                                return new Counts();
                            }
                            static final class Counts implements State {
                                final TreeMap<String, Long> n = new TreeMap<>();
                                public void add(TaggedRequest t, ModelInfo m) { n.merge(m.id(), 1L, Long::sum); }
                                public void merge(State other) { ((Counts) other).n.forEach((k, v) -> n.merge(k, v, Long::sum)); }
                                public List<List<String>> table() {
                                    List<List<String>> rows = new ArrayList<>();
                                    rows.add(List.of("model", "requests"));
                                    n.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
                                    return rows;
                                }
                            }
                        }
                        """)
                .build(dir);
    }
}
