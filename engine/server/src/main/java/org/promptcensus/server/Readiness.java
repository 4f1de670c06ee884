package org.promptcensus.server;

import org.promptcensus.core.Engine;

/**
 * The server's state as health checks see it: starting (no engine yet), ready, or draining
 * (shutting down, finishing accepted requests).
 *
 * <p>Thread-safe (volatile fields, set once each).
 */
final class Readiness {
    private volatile Engine engine;
    private volatile boolean draining;

    /** @param e the engine, built */
    void ready(Engine e) {
        this.engine = e;
    }

    /** Marks the server as shutting down. */
    void drain() {
        draining = true;
    }

    /** @return true when the engine is built and the server is not shutting down */
    boolean isReady() {
        return engine != null && !draining;
    }

    /** @return {@code ready}, {@code starting} or {@code draining} */
    String state() {
        return draining ? "draining" : engine == null ? "starting" : "ready";
    }

    /**
     * @return the engine
     * @throws ApiException 503 {@code not_ready} while the engine is being built
     */
    Engine engine() {
        Engine e = engine;
        if (e == null) {
            throw ApiException.unavailable("not_ready", "the engine is still loading; retry shortly");
        }
        return e;
    }
}
