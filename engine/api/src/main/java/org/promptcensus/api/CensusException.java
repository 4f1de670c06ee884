package org.promptcensus.api;

/**
 * The one exception type of Prompt Census. Its message is a single line that names the offending
 * file, line, key or id; its {@link ErrorCode} says what kind of failure it is.
 */
public class CensusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code what kind of error
     * @param message one line naming the offending file, line, key or id
     */
    public CensusException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code what kind of error
     * @param message one line naming the offending file, line, key or id
     * @param cause the underlying failure
     */
    public CensusException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the error code */
    public ErrorCode code() {
        return code;
    }
}
