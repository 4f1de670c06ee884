package org.promptcensus.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link CensusServer}. Immutable; build one with {@link #builder()}.
 *
 * @param bind the address to listen on
 * @param port the port (0: an ephemeral port, see {@link CensusServer#port()})
 * @param tokens accepted bearer tokens; empty: no authentication
 * @param snapshotDir where the running mix is snapshotted, or null to keep it in memory only
 * @param snapshotInterval how often the running mix is snapshotted
 * @param maxBodyBytes the largest request body accepted (larger: 413)
 * @param maxConcurrency requests tagged at once
 * @param queue requests waiting for a tagging slot; beyond it: 503 with Retry-After
 * @param timeout the longest a request may take, queueing included (the connections' idle timeout is 5 s longer)
 * @param retention how far back the hourly buckets behind {@code window=...} go
 * @param mixTaxonomy the taxonomy whose tags the running mix rolls up
 * @param privacyK mix cells with fewer distinct users are suppressed (0 disables)
 */
public record ServerConfig(String bind, int port, Set<String> tokens, Path snapshotDir, Duration snapshotInterval,
                           long maxBodyBytes, int maxConcurrency, int queue, Duration timeout, Duration retention,
                           String mixTaxonomy, int privacyK) {

    /** Validates the settings. */
    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        tokens = Set.copyOf(tokens);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (maxBodyBytes < 1 || maxConcurrency < 1 || queue < 0 || privacyK < 0) {
            throw new IllegalArgumentException("--max-body and --max-concurrency must be positive, --queue and --privacy-k not negative");
        }
        if (timeout.isNegative() || timeout.isZero() || snapshotInterval.isNegative() || snapshotInterval.isZero()) {
            throw new IllegalArgumentException("--timeout and --snapshot-interval must be positive");
        }
        if (retention.toHours() < 1) {
            throw new IllegalArgumentException("--retention must be at least 1h");
        }
    }

    /** @return a builder with the defaults of {@code census serve} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of hourly buckets kept */
    public int retentionHours() {
        return (int) Math.min(Integer.MAX_VALUE, retention.toHours());
    }

    /** Builds a {@link ServerConfig}. Not thread-safe. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port = 8080;
        private Set<String> tokens = Set.of();
        private Path snapshotDir;
        private Duration snapshotInterval = Duration.ofSeconds(60);
        private long maxBodyBytes = 1L << 20;
        private int maxConcurrency = Runtime.getRuntime().availableProcessors();
        private int queue = 64;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration retention = Duration.ofDays(7);
        private String mixTaxonomy = "usecase";
        private int privacyK = 10;

        private Builder() {
        }

        /** @param v the bind address @return this */
        public Builder bind(String v) { bind = v; return this; }

        /** @param v the port (0: ephemeral) @return this */
        public Builder port(int v) { port = v; return this; }

        /** @param v accepted bearer tokens @return this */
        public Builder tokens(Set<String> v) { tokens = v; return this; }

        /** @param v the snapshot folder, or null @return this */
        public Builder snapshotDir(Path v) { snapshotDir = v; return this; }

        /** @param v the snapshot interval @return this */
        public Builder snapshotInterval(Duration v) { snapshotInterval = v; return this; }

        /** @param v the body limit in bytes @return this */
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }

        /** @param v requests tagged at once @return this */
        public Builder maxConcurrency(int v) { maxConcurrency = v; return this; }

        /** @param v requests waiting for a slot @return this */
        public Builder queue(int v) { queue = v; return this; }

        /** @param v the request timeout @return this */
        public Builder timeout(Duration v) { timeout = v; return this; }

        /** @param v how far back windows go @return this */
        public Builder retention(Duration v) { retention = v; return this; }

        /** @param v the taxonomy of the running mix @return this */
        public Builder mixTaxonomy(String v) { mixTaxonomy = v; return this; }

        /** @param v the privacy floor @return this */
        public Builder privacyK(int v) { privacyK = v; return this; }

        /** @return the settings */
        public ServerConfig build() {
            return new ServerConfig(bind, port, tokens, snapshotDir, snapshotInterval, maxBodyBytes, maxConcurrency, queue,
                    timeout, retention, mixTaxonomy, privacyK);
        }
    }
}
