package org.promptcensus.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Optional bearer-token authentication of {@code /v1/*}: with tokens configured, a request needs
 * {@code Authorization: Bearer <token>} with one of them, else 401. Tokens are compared as SHA-256
 * digests in constant time, so timing tells nothing about how much of a token matched.
 *
 * <p>Thread-safe (immutable).
 */
public final class BearerAuth {
    /** The environment variable holding comma-separated tokens. */
    public static final String ENV = "CENSUS_TOKENS";

    private final List<byte[]> digests;

    /** @param tokens accepted tokens; empty: every request passes */
    BearerAuth(Set<String> tokens) {
        List<byte[]> d = new ArrayList<>();
        tokens.forEach(t -> d.add(sha256(t)));
        this.digests = List.copyOf(d);
    }

    /** @return true when tokens are required */
    boolean enabled() {
        return !digests.isEmpty();
    }

    /**
     * @param ctx a request
     * @throws ApiException 401 when tokens are configured and the request carries none of them
     */
    void check(Context ctx) {
        if (digests.isEmpty()) {
            return;
        }
        String h = ctx.header("Authorization");
        String token = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
        if (token == null || token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "missing 'Authorization: Bearer <token>' header", null);
        }
        byte[] d = sha256(token);
        boolean ok = false;
        for (byte[] candidate : digests) {
            ok |= MessageDigest.isEqual(candidate, d);
        }
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, "unauthorized", "invalid bearer token", null);
        }
    }

    /**
     * Reads tokens from a file (one per line; blank lines and lines starting with {@code #} are
     * skipped) and from a comma-separated value such as {@code $CENSUS_TOKENS}.
     *
     * @param file a tokens file, or null
     * @param env the environment variable's value, or null
     * @return the tokens (empty: no authentication)
     * @throws CensusException IO when the file cannot be read
     */
    public static Set<String> load(Path file, String env) {
        Set<String> out = new LinkedHashSet<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        out.add(t);
                    }
                }
            } catch (IOException e) {
                throw new CensusException(ErrorCode.IO, file + ": cannot read the tokens file: " + e.getMessage(), e);
            }
            if (out.isEmpty()) {
                throw new CensusException(ErrorCode.BAD_USAGE, file + ": the tokens file holds no token");
            }
        }
        if (env != null) {
            for (String t : env.split(",")) {
                if (!t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        return out;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
