package org.promptcensus.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The operational endpoints, open even when tokens are configured: {@code GET /healthz} (200 while
 * the process serves), {@code GET /readyz} (200 once the engine is built, 503 while starting or
 * draining), {@code GET /metrics} (Prometheus text) and {@code GET /openapi.json} (the hand-written
 * OpenAPI 3 document of every endpoint, a classpath resource).
 *
 * <p>Thread-safe: immutable apart from the thread-safe collaborators.
 */
final class OpsRoutes {
    /** The OpenAPI document's classpath resource. */
    static final String OPENAPI = "/org/promptcensus/server/openapi.json";

    private final Readiness readiness;
    private final Metrics metrics;
    private final byte[] openapi;

    OpsRoutes(Readiness readiness, Metrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI);
            }
            this.openapi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param app the app to add the routes to */
    void install(Javalin app) {
        app.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        app.get("/readyz", this::ready);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.render()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
    }

    private void ready(Context ctx) {
        ctx.status(readiness.isReady() ? 200 : 503).contentType("application/json")
                .result("{\"status\":\"" + readiness.state() + "\"}");
    }
}
