package org.promptcensus.core.io.formats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.spi.ReadResult;

/**
 * Collects what one input record yields: requests, and failures that name the path that failed.
 * One record may yield several requests (a trace's generations, an export's spans); each is
 * converted on its own, so one broken element does not lose the others. Not thread-safe.
 */
final class Out {
    private final String source;
    private final long line;
    private final Deque<ReadResult> results;
    private int n;

    Out(String source, long line, Deque<ReadResult> results) {
        this.source = source;
        this.line = line;
        this.results = results;
    }

    /** @return the input's name */
    String source() {
        return source;
    }

    /** @return the line the record starts on */
    long line() {
        return line;
    }

    /** @param d a finished draft (its id defaults to the line, {@code line.2}, ... for further requests) */
    void ok(Draft d) {
        n++;
        results.add(ReadResult.of(source, line, d.build(n == 1 ? String.valueOf(line) : line + "." + n)));
    }

    /** @param error one line naming the path that failed */
    void fail(String error) {
        n++;
        results.add(ReadResult.failed(source, line, error));
    }

    /**
     * Converts one element; its failure is reported on its own.
     *
     * @param conversion returns the draft, or null when the element is not a request
     */
    void each(Supplier<Draft> conversion) {
        try {
            Draft d = conversion.get();
            if (d != null) {
                ok(d);
            }
        } catch (CensusException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("cannot read this record: " + e);
        }
    }

    /** @return a fresh deque for results */
    static Deque<ReadResult> queue() {
        return new ArrayDeque<>();
    }
}
