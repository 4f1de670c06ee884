package org.promptcensus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.promptcensus.api.Request;
import org.promptcensus.core.Engine;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.fusion.Fuser;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.model.Prediction;
import org.promptcensus.core.rules.RuleHit;
import org.promptcensus.core.rules.RuleIndex;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.text.ClassifiedText;

/**
 * Tagging cost in CPU time rather than wall time, on one thread, for the {@link BenchPrompts}
 * sizes: a figure that holds on a machine shared with other work, where JMH's wall-clock scores
 * drop with the share of a core the benchmark gets. For each size it prints the CPU time per
 * request of {@link Engine#tag}, the requests per CPU-second that follow, the wall-clock rate
 * actually seen and the share of a core the thread got, then the CPU time of each pipeline stage
 * (as {@link StageBenchmark} splits it), and the start-up cost of building the engine.
 *
 * <p>Run: {@code java -cp engine/bench/target/benchmarks.jar org.promptcensus.bench.CpuProfile [SECONDS]}
 * (CPU seconds of measurement per size, default 10, after as much warm-up).
 */
public final class CpuProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuProfile() {
    }

    /**
     * @param args optional: CPU seconds of measurement per size
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        long c0 = cpu();
        long w0 = System.nanoTime();
        LanguageIdentifier languages = new LanguageIdentifier();
        long c1 = cpu();
        TaxonomyBundle bundle = TaxonomyBundle.fromClasspath(Engine.class.getClassLoader(), "usecase")
                .orElseThrow(() -> new IllegalStateException("the usecase taxonomy is not on the classpath"));
        long c2 = cpu();
        try (Engine engine = Engine.builder().taxonomy(bundle).languages(languages).build()) {
            long c3 = cpu();
            long w3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "start-up (CPU s of this thread): language model %.2f, taxonomy and model %.2f, "
                    + "engine (rule compilation) %.2f; wall %.2f s%n", (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c3 - c2) / 1e9,
                    (w3 - w0) / 1e9);
            LanguageAnalyzers analyzers = engine.analyzer().analyzers();
            RuleIndex rules = new RuleIndex(bundle.taxonomy(), analyzers, bundle.compiledRules().orElse(null));
            CategoryModel model = bundle.model().orElseThrow();
            Fuser fuser = new Fuser(bundle.taxonomy());
            System.out.printf("%-7s %9s %12s %11s %10s | CPU µs per request by stage: %s%n", "size", "CPU µs/req",
                    "req/CPU-s", "wall req/s", "core share", "select language tokenize rules model fuse");
            for (String size : BenchPrompts.SIZES) {
                Request[] requests = BenchPrompts.requests(size).toArray(new Request[0]);
                run(engine, requests, seconds); // warm-up
                long cs = cpu();
                long ws = System.nanoTime();
                long n = run(engine, requests, seconds);
                long cpu = cpu() - cs;
                long wall = System.nanoTime() - ws;
                long[] stages = stages(engine, languages, analyzers, rules, model, fuser, requests, seconds / 2);
                long rounds = stages[6];
                StringBuilder sb = new StringBuilder();
                for (int s = 0; s < 6; s++) {
                    sb.append(String.format(Locale.ROOT, " %.0f", stages[s] / 1e3 / rounds));
                }
                System.out.printf(Locale.ROOT, "%-7s %9.0f %12.0f %11.0f %9.0f%% |%s%n", size, cpu / 1e3 / n, n / (cpu / 1e9),
                        n / (wall / 1e9), 100.0 * cpu / wall, sb);
            }
            rules.close();
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Tags requests in turn for about that many CPU seconds; returns the number tagged. */
    private static long run(Engine engine, Request[] requests, double seconds) {
        long end = cpu() + (long) (seconds * 1e9);
        long n = 0;
        long sink = 0;
        while (cpu() < end) {
            for (Request r : requests) {
                sink += engine.tag(r, false).tagSets().size();
                n++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return n;
    }

    /**
     * CPU nanoseconds spent in each stage over whole passes of the requests, and the number of
     * requests timed (index 6).
     */
    private static long[] stages(Engine engine, LanguageIdentifier languages, LanguageAnalyzers analyzers,
                                 RuleIndex rules, CategoryModel model, Fuser fuser, Request[] requests, double seconds) {
        long[] t = new long[7];
        long end = cpu() + (long) (seconds * 1e9);
        long sink = 0;
        while (cpu() < end) {
            for (Request r : requests) {
                long a = cpu();
                ClassifiedText text = engine.analyzer().select(r);
                long b = cpu();
                String lang = languages.identify(text.languageSample());
                long c = cpu();
                AnalyzedText analyzed = AnalyzedText.analyze(text, lang, analyzers);
                long d = cpu();
                List<RuleHit> hits = rules.match(analyzed);
                long e = cpu();
                Prediction p = model.predict(analyzed, analyzers, false);
                long f = cpu();
                sink += fuser.fuse(p, hits, false).tags().size();
                long g = cpu();
                t[0] += b - a;
                t[1] += c - b;
                t[2] += d - c;
                t[3] += e - d;
                t[4] += f - e;
                t[5] += g - f;
                t[6]++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return t;
    }
}
