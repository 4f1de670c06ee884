package org.promptcensus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Aggregation cost of pre-tagged records in CPU time, on one thread: records per CPU-second of
 * parse + catalog lookup + {@code MixAggregator.add} ({@link MixPath}), for the streaming reader and
 * the tree path, a figure that holds on a shared machine (JMH's ops/s drop with the share of a core
 * the benchmark gets). Also checks that both readers give the same mix.
 *
 * <p>Run: {@code java -cp benchmarks.jar org.promptcensus.bench.MixCpuProfile [CPU-SECONDS]}
 * (per reader, default 10, after as much warm-up).
 */
public final class MixCpuProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int LINES = 200_000;

    private MixCpuProfile() {
    }

    /**
     * @param args optional: CPU seconds of measurement per reader
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        TaggedLines gen = new TaggedLines(7);
        String[] lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = gen.next();
        }
        MixPath fastCheck = new MixPath("fast");
        MixPath treeCheck = new MixPath("tree");
        for (String l : lines) {
            fastCheck.add(l);
            treeCheck.add(l);
        }
        if (!fastCheck.mix().rows().equals(treeCheck.mix().rows())) {
            throw new IllegalStateException("the fast and the tree reader give different mixes");
        }
        System.out.printf("%-6s %14s %12s %10s%n", "reader", "records/CPU-s", "records/s", "core share");
        for (String reader : new String[] {"fast", "tree"}) {
            MixPath path = new MixPath(reader);
            run(path, lines, seconds); // warm-up
            long c0 = cpu();
            long w0 = System.nanoTime();
            long n = run(path, lines, seconds);
            long cpu = cpu() - c0;
            long wall = System.nanoTime() - w0;
            System.out.printf(Locale.ROOT, "%-6s %,14.0f %,12.0f %9.0f%%%n", reader, n / (cpu / 1e9), n / (wall / 1e9),
                    100.0 * cpu / wall);
        }
    }

    /** Adds lines in turn, in a fresh mix per pass, until the CPU seconds are spent; returns the count. */
    private static long run(MixPath path, String[] lines, double seconds) {
        long end = cpu() + (long) (seconds * 1e9);
        long n = 0;
        while (cpu() < end) {
            path.reset();
            for (String l : lines) {
                path.add(l);
            }
            n += lines.length;
        }
        return n;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
