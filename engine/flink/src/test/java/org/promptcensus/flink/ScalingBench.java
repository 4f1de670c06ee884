package org.promptcensus.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The scaling figure of the batch job: records/s at parallelism 1 and 2 on a local MiniCluster
 * (one JVM, a slot per parallel task), on simulated traffic (fixed seed). Each figure is the best
 * of R runs of the whole job (engine start-up in each task included). Run by
 * {@code bench/flink-scaling.sh N R}; not a test.
 */
public final class ScalingBench {
    private ScalingBench() {
    }

    /**
     * @param args records (default 40000), runs per parallelism (default 3)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("census-flink-bench");
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Census.run("simulate", "--requests", Integer.toString(n), "--seed", "1", "-o", in.resolve("traffic.jsonl").toString(), "-q");
            Path plugins = Files.createDirectories(dir.resolve("no-plugins"));
            double[] best = new double[3];
            for (int p = 1; p <= 2; p++) {
                for (int r = 0; r < runs; r++) {
                    Configuration conf = new Configuration();
                    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
                    Path out = dir.resolve("out-" + p + "-" + r);
                    CensusJob.build(env, JobOptions.parse(new String[] {"--mode", "batch", "--input", in.toString(), "--output",
                            out.toString(), "--plugins-dir", plugins.toString(), "--parallelism", Integer.toString(p)}));
                    long t0 = System.nanoTime();
                    JobExecutionResult result = env.execute("census scaling p=" + p);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double rate = n / seconds;
                    best[p] = Math.max(best[p], rate);
                    System.out.printf("parallelism %d run %d: %,d records in %.1f s (job net runtime %.1f s): %,.0f records/s%n",
                            p, r + 1, n, seconds, result.getNetRuntime() / 1e3, rate);
                }
            }
            System.out.printf("best: %,.0f records/s at parallelism 1, %,.0f at parallelism 2; ratio %.2f (cores: %d)%n",
                    best[1], best[2], best[2] / best[1], Runtime.getRuntime().availableProcessors());
        } finally {
            List<Path> all = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.forEach(all::add);
            }
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
