package org.promptcensus.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aggregation speed of pre-tagged records: one operation parses one line that {@code census tag}
 * wrote ({@link TaggedLines}, 100,000 different ones in turn), looks its model up and adds it to
 * the default mix; ops/s is records per second on one thread. {@code reader=fast} is what
 * {@code census mix} does, {@code reader=tree} the general path (see {@link MixPath}).
 *
 * <p>Run: {@code java -jar benchmarks.jar MixBenchmark -t 1 -f 1}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MixBenchmark {
    private static final int LINES = 100_000;

    /** {@code fast} (the streaming reader) or {@code tree}. */
    @Param({"fast", "tree"})
    public String reader;

    private String[] lines;
    private MixPath path;
    private int next;

    /** Makes the lines and the path. */
    @Setup(Level.Trial)
    public void setUp() {
        TaggedLines gen = new TaggedLines(7);
        lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = gen.next();
        }
        path = new MixPath(reader);
    }

    /** Parses one tagged line and adds it to the mix. */
    @Benchmark
    public void parseAndAdd() {
        path.add(lines[next]);
        if (++next == LINES) {
            next = 0;
        }
    }
}
