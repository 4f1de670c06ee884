package org.promptcensus.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.Engine;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.server.BearerAuth;
import org.promptcensus.server.CensusServer;
import org.promptcensus.server.ServerConfig;
import org.promptcensus.server.ServerLog;
import org.promptcensus.server.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code census serve}: the HTTP service. Listens at once ({@code /healthz}), builds the engine,
 * turns ready, and serves until stopped; SIGTERM or Ctrl-C stop it gracefully (accepted requests
 * finish, the final snapshot is written) through a JVM shutdown hook.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve tagging over HTTP and keep the running use-case mix of a gateway's traffic.", "",
                "Endpoints: POST /v1/tag, POST /v1/tag/batch, POST /v1/events, GET /v1/mix?by=model&window=24h, "
                        + "GET /v1/taxonomies, GET /healthz, GET /readyz, GET /metrics, GET /openapi.json.",
                "Bearer tokens (optional) come from --tokens-file and $" + BearerAuth.ENV + " (comma-separated). "
                        + "Prompt text is never logged or stored.", ""},
        footer = {"", "Examples:", "  census serve --port 8080 --snapshot-dir /var/lib/census",
                "  curl -s localhost:8080/v1/tag -d '{\"messages\":[{\"role\":\"user\",\"content\":\"write a haiku\"}]}'"})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (0: any free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String bind;

    @Option(names = "--tokens-file", paramLabel = "FILE", description = "Accepted bearer tokens, one per line; with $"
            + BearerAuth.ENV + " also read. Without either, /v1/* is open.")
    Path tokensFile;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", description = "Snapshot the running mix here and reload it on start (default: memory only).")
    Path snapshotDir;

    @Option(names = "--snapshot-interval", paramLabel = "DURATION", defaultValue = "60s", description = "How often to snapshot (default: ${DEFAULT-VALUE}).")
    String snapshotInterval;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "1MB", description = "Largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--max-concurrency", paramLabel = "N", description = "Requests tagged at once (default: the number of cores).")
    Integer maxConcurrency;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "64", description = "Requests waiting for a slot; beyond, 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", description = "Longest a request may take, queueing included (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--retention", paramLabel = "DURATION", defaultValue = "7d", description = "How far back the hourly buckets behind window=... go (default: ${DEFAULT-VALUE}).")
    String retention;

    @Option(names = "--privacy-k", paramLabel = "K", defaultValue = "10", description = "Suppress mix cells with fewer distinct users (0 disables; default: ${DEFAULT-VALUE}).")
    int privacyK;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your model catalog (YAML), searched before the bundled one.")
    Path catalog;

    @Override
    public Integer call() throws Exception {
        PrintStream err = root.streams.err();
        ServerConfig config;
        try {
            config = ServerConfig.builder().bind(bind).port(port)
                    .tokens(BearerAuth.load(tokensFile, System.getenv(BearerAuth.ENV)))
                    .snapshotDir(snapshotDir).snapshotInterval(Units.parseDuration(snapshotInterval))
                    .maxBodyBytes(Units.parseBytes(maxBody))
                    .maxConcurrency(maxConcurrency != null ? maxConcurrency : Runtime.getRuntime().availableProcessors())
                    .queue(queue).timeout(Units.parseDuration(timeout)).retention(Units.parseDuration(retention))
                    .mixTaxonomy(engineOptions.taxonomies.get(0).trim()).privacyK(privacyK).build();
        } catch (IllegalArgumentException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, e.getMessage());
        }
        ModelCatalog models = ModelCatalog.load(catalog, ServeCommand.class.getClassLoader());
        long t0 = System.nanoTime();
        CensusServer server = new CensusServer(config, models, ServerLog.to(err)).start();
        Engine[] engine = new Engine[1];
        Thread hook = new Thread(() -> {
            server.close();
            if (engine[0] != null) {
                engine[0].close();
            }
        }, "census-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            engine[0] = engineOptions.build(err);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.ready(engine[0]);
        err.printf("census: ready in %.1f s on http://%s:%d (%s); stop with Ctrl-C or SIGTERM%n", (System.nanoTime() - t0) / 1e9,
                bind, server.port(), String.join(", ", engineOptions.taxonomies));
        server.awaitStopped();
        return ExitCodes.OK;
    }
}
