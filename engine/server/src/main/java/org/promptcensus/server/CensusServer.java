package org.promptcensus.server;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.Engine;
import org.promptcensus.core.catalog.ModelCatalog;

/**
 * The {@code census serve} HTTP service: tags requests, keeps the running use-case mix, and
 * exposes health, readiness, metrics and an OpenAPI document (Javalin on Jetty 11).
 *
 * <p>Lifecycle: {@link #start()} restores the last snapshot and starts listening ({@code /healthz}
 * answers at once, {@code /readyz} and {@code /v1/*} answer 503 until {@link #ready(Engine)});
 * {@link #close()} stops gracefully: readiness turns 503, Jetty stops accepting and waits up to the
 * request timeout for accepted requests to finish, then the final snapshot is written. Jetty's
 * thread pool is sized to the tagging slots plus the queue plus headroom for the operational
 * endpoints, so that saturation is answered by {@link Admission} (503) rather than by Jetty.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread (a shutdown hook), more than once.
 */
public final class CensusServer implements AutoCloseable {
    /** How much longer than the request timeout a connection may stay idle. */
    static final long IDLE_MARGIN_MILLIS = 5_000;
    private final ServerConfig config;
    private final ServerLog log;
    private final Clock clock;
    private final Readiness readiness = new Readiness();
    private final Metrics metrics = new Metrics();
    private final Admission admission;
    private final RunningMix mix;
    private final SnapshotStore store;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Snapshotter snapshotter;
    private Javalin app;

    /**
     * @param config the settings
     * @param catalog the model catalog of the running mix
     * @param log where operational lines go
     */
    public CensusServer(ServerConfig config, ModelCatalog catalog, ServerLog log) {
        this(config, catalog, log, Clock.systemUTC());
    }

    /**
     * @param config the settings
     * @param catalog the model catalog of the running mix
     * @param log where operational lines go
     * @param clock the clock of arrival times (tests move it)
     */
    public CensusServer(ServerConfig config, ModelCatalog catalog, ServerLog log, Clock clock) {
        this.config = config;
        this.log = log;
        this.clock = clock;
        this.admission = new Admission(config.maxConcurrency(), config.queue());
        this.mix = new RunningMix(config.mixTaxonomy(), config.privacyK(), config.retentionHours(), catalog, clock);
        this.store = config.snapshotDir() == null ? null : new SnapshotStore(config.snapshotDir());
    }

    /**
     * Restores the snapshot and starts listening.
     *
     * @return this
     * @throws CensusException IO when the port cannot be bound or the snapshot folder used,
     *         BAD_USAGE when the snapshot is unreadable or of another taxonomy
     */
    public CensusServer start() {
        if (store != null) {
            store.load().ifPresent(s -> {
                try {
                    mix.restore(s);
                } catch (IllegalArgumentException e) {
                    throw new CensusException(ErrorCode.BAD_USAGE, store.file() + ": " + e.getMessage()
                            + "; move it away or use another --snapshot-dir");
                }
                log.info("restored the running mix from " + store.file() + " (" + s.changes() + " records, taken " + s.writtenAt() + ")");
            });
            snapshotter = new Snapshotter(mix, store, config.snapshotInterval(), log);
            snapshotter.restored(mix.changes());
        }
        registerGauges();
        ErrorMapping errors = new ErrorMapping(metrics, log);
        BearerAuth auth = new BearerAuth(config.tokens());
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.disableCompression();
            int threads = config.maxConcurrency() + config.queue() + 24;
            QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads), 60_000);
            pool.setName("census-http");
            cfg.jetty.threadPool = pool;
            cfg.jetty.modifyServer(s -> s.setStopTimeout(config.timeout().toMillis() + 1000));
            cfg.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(config.bind());
                c.setPort(config.port());
                // longer than the request timeout: a request busy tagging sends nothing while it
                // runs, and must be answered (503 timeout) before its connection counts as idle
                c.setIdleTimeout(config.timeout().toMillis() + IDLE_MARGIN_MILLIS);
                c.setAcceptQueueSize(1024);
                return c;
            });
            cfg.requestLogger.http((ctx, ms) -> metrics.observe(ctx.path(), ctx.method().name(), ctx.statusCode(),
                    Math.round(ms * 1000.0)));
        });
        errors.install(app);
        app.before("/v1/*", auth::check);
        new TagRoutes(readiness, new BodyReader(config.maxBodyBytes()), new RequestReader(), admission, metrics, mix,
                config.timeout()).install(app);
        new MixRoutes(readiness, mix, config.retentionHours(), clock).install(app);
        new OpsRoutes(readiness, metrics).install(app);
        try {
            app.start();
        } catch (RuntimeException e) {
            if (snapshotter != null) {
                snapshotter.close();
            }
            throw new CensusException(ErrorCode.IO, "cannot listen on " + config.bind() + ":" + config.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        log.info("listening on http://" + config.bind() + ":" + port() + (auth.enabled() ? " (bearer tokens required on /v1/*)" : "")
                + "; " + config.maxConcurrency() + " tagging slots, queue " + config.queue() + ", body limit "
                + Units.formatBytes(config.maxBodyBytes()) + ", timeout " + config.timeout().toMillis() + " ms"
                + (store == null ? ", no snapshots" : ", snapshots in " + config.snapshotDir()));
        return this;
    }

    private void registerGauges() {
        metrics.gauge("census_ready", "1 when the engine is built and the server is not draining.", () -> readiness.isReady() ? 1 : 0);
        metrics.gauge("census_inflight_requests", "Requests being tagged now.", admission::inFlight);
        metrics.gauge("census_queued_requests", "Requests waiting for a tagging slot.", admission::queued);
        metrics.gauge("census_tagging_slots", "Requests that can be tagged at once (--max-concurrency).", admission::slots);
        metrics.gauge("census_mix_hour_buckets", "Hourly buckets of the running mix held.", mix::bucketCount);
        metrics.gauge("census_mix_records", "Records in the running mix since it began.", mix::changes);
        if (snapshotter != null) {
            metrics.gauge("census_snapshot_last_success_timestamp_seconds", "When the last snapshot was written.",
                    snapshotter::lastSuccessSeconds);
            metrics.gauge("census_snapshot_failures", "Snapshot writes that failed.", snapshotter::failures);
        }
    }

    /** @param engine the engine, built: the server turns ready */
    public void ready(Engine engine) {
        readiness.ready(engine);
    }

    /** @return true when ready to tag */
    public boolean isReady() {
        return readiness.isReady();
    }

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    /** @return 500 answers so far (bugs) */
    public long internalErrors() {
        return metrics.internalErrors();
    }

    /**
     * Writes a snapshot now (when snapshots are configured).
     *
     * @return true when the snapshot on disk is current
     */
    public boolean snapshot() {
        return snapshotter == null || snapshotter.save(false);
    }

    /** Stops gracefully: finishes accepted requests, writes the final snapshot. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            readiness.drain();
            if (app != null) {
                try {
                    app.stop();
                } catch (RuntimeException e) {
                    log.info("stopping the HTTP server: " + e.getClass().getSimpleName());
                }
            }
            if (snapshotter != null) {
                snapshotter.close();
                log.info("wrote the final snapshot to " + store.file());
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Waits until {@link #close()} has finished.
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
