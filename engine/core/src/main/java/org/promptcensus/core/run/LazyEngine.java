package org.promptcensus.core.run;

import java.util.function.Supplier;
import org.promptcensus.core.Engine;

/**
 * Builds the engine the first time it is asked for, and closes it only if it was built. A roll-up
 * of records that are tagged already never asks, and so skips the engine's start-up (several
 * CPU-seconds: the language model, the taxonomies, the rule compilation).
 *
 * <p>Thread-safe: {@link #get} may be called from several threads; the engine is built once.
 */
public final class LazyEngine implements Supplier<Engine>, AutoCloseable {
    private final Supplier<Engine> builder;
    private volatile Engine engine;

    /** @param builder builds the engine (called at most once) */
    public LazyEngine(Supplier<Engine> builder) {
        this.builder = builder;
    }

    @Override
    public Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = builder.get();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** @return true when the engine was built */
    public boolean built() {
        return engine != null;
    }

    @Override
    public void close() {
        Engine e = engine;
        if (e != null) {
            e.close();
        }
    }
}
