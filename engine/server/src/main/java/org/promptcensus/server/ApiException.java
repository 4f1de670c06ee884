package org.promptcensus.server;

/**
 * An HTTP error answered as {@code {"error": {"code": ..., "message": ...}}}: thrown by the handlers
 * and mapped to the response by {@link ErrorMapping}. The message names the problem in one line
 * and never quotes prompt text beyond what the client itself sent. Immutable.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    /**
     * @param status the HTTP status
     * @param code a stable, lower-case error code ({@code bad_record}, {@code saturated}, ...)
     * @param message one line naming the problem
     * @param retryAfterSeconds the {@code Retry-After} to send, or null
     */
    public ApiException(int status, String code, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @param message the problem @return a 400 {@code bad_request} */
    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message, null);
    }

    /** @param message the problem @return a 400 {@code bad_record} */
    static ApiException badRecord(String message) {
        return new ApiException(400, "bad_record", message, null);
    }

    /** @param code the reason @param message the problem @return a 503 with {@code Retry-After: 1} */
    static ApiException unavailable(String code, String message) {
        return new ApiException(503, code, message, 1);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return the {@code Retry-After} seconds, or null */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
