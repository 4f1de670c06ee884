package org.promptcensus.bench;

import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.promptcensus.api.Request;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.taxonomy.TaxonomyBundle;

/**
 * Tagging speed of the {@link Engine} with the bundled {@code usecase} taxonomy and its model, for
 * three request sizes ({@link BenchPrompts}: {@code short} about 60 characters, {@code median}
 * about 400, {@code long} 4,000). Each call tags the next of {@value BenchPrompts#COUNT}
 * pre-built requests of the size, in turn, without evidence ({@code explain = false}, as
 * {@code census tag} runs by default).
 *
 * <ul>
 *   <li>{@link #tag}: throughput, requests per second, on one thread;</li>
 *   <li>{@link #tagTime}: average time per request, in microseconds;</li>
 *   <li>{@link #tagTwoThreads}: throughput of two threads sharing one engine.</li>
 * </ul>
 * A {@code -t N} on the command line overrides the thread count of every method, this last one
 * included; select methods with a regular expression, e.g. {@code 'TagBenchmark.tag$'}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class TagBenchmark {
    /** The request size: {@code short}, {@code median} or {@code long}. */
    @Param({"short", "median", "long"})
    public String size;

    private Engine engine;
    private Request[] requests;

    /** Builds the engine and the requests, and tags each request once to check it works. */
    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.builder()
                .taxonomy(TaxonomyBundle.fromClasspath(Engine.class.getClassLoader(), "usecase")
                        .orElseThrow(() -> new IllegalStateException("the usecase taxonomy is not on the classpath")))
                .build();
        List<Request> list = BenchPrompts.requests(size);
        requests = list.toArray(new Request[0]);
        for (Request r : requests) {
            engine.tag(r, false);
        }
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    /** Each thread's position in the requests; threads start at different requests. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        /**
         * @param thread the thread's parameters
         */
        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * 17;
        }
    }

    private Request next(Cursor c) {
        Request r = requests[c.next % requests.length];
        c.next++;
        return r;
    }

    /**
     * @param cursor the thread's position
     * @return the tagged request (returned so that it is not optimised away)
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TaggedRequest tag(Cursor cursor) {
        return engine.tag(next(cursor), false);
    }

    /**
     * @param cursor the thread's position
     * @return the tagged request
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TaggedRequest tagTime(Cursor cursor) {
        return engine.tag(next(cursor), false);
    }

    /**
     * @param cursor the thread's position
     * @return the tagged request
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public TaggedRequest tagTwoThreads(Cursor cursor) {
        return engine.tag(next(cursor), false);
    }
}
