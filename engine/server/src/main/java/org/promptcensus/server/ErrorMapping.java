package org.promptcensus.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Maps every failure to a JSON answer {@code {"error": {"code": ..., "message": ...}}}: the
 * handlers' {@link ApiException}s with their status, the engine's user-input errors
 * ({@link CensusException} of kind USER_INPUT) as 400 with the lower-case error code
 * ({@code bad_record}, {@code no_text}), Javalin's own (404, 405, 413) with theirs; anything else is
 * a bug: 500 {@code internal}, counted, and logged with its exception class and stack but never its
 * message (it could quote a request).
 *
 * <p>Thread-safe (stateless apart from the thread-safe metrics and log).
 */
final class ErrorMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Metrics metrics;
    private final ServerLog log;

    ErrorMapping(Metrics metrics, ServerLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** @param app the app whose failures are mapped */
    void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> respond(ctx, e));
        app.exception(CensusException.class, (e, ctx) -> {
            ApiException api = toApi(e);
            if (api.status() >= 500) {
                internal(ctx, e);
            } else {
                respond(ctx, api);
            }
        });
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx,
                new ApiException(e.getStatus(), codeOf(e.getStatus()), e.getMessage(), null)));
        app.exception(Exception.class, (e, ctx) -> internal(ctx, e));
    }

    /**
     * @param e an engine error
     * @return the answer: 400 with its code for user-input errors, else a 500
     */
    static ApiException toApi(CensusException e) {
        if (e.code().kind() == ErrorCode.Kind.USER_INPUT) {
            return new ApiException(400, e.code().name().toLowerCase(Locale.ROOT), e.getMessage(), null);
        }
        return new ApiException(500, "internal", "internal error", null);
    }

    private void internal(Context ctx, Exception e) {
        metrics.internalError();
        StringBuilder sb = new StringBuilder("internal error on ").append(ctx.method()).append(' ').append(ctx.path())
                .append(": ").append(e.getClass().getName());
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(12, st.length); i++) {
            sb.append("\n    at ").append(st[i]);
        }
        log.info(sb.toString());
        respond(ctx, new ApiException(500, "internal", "internal error (" + e.getClass().getSimpleName() + "); it is logged", null));
    }

    /**
     * @param ctx the request
     * @param e the error to answer
     */
    void respond(Context ctx, ApiException e) {
        metrics.error(e.code());
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        ctx.status(e.status()).contentType("application/json").result(root.toString());
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "timeout";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
