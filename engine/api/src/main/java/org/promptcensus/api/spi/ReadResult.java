package org.promptcensus.api.spi;

import java.util.Objects;
import org.promptcensus.api.Request;

/**
 * One record read by an {@link InputFormat}: a request, or the reason it could not be read.
 *
 * @param source the input's name
 * @param position the 1-based line (or record) number within the input
 * @param request the request, or null when it could not be read
 * @param error why it could not be read (one line, naming the field path that failed), or null
 */
public record ReadResult(String source, long position, Request request, String error) {
    /** Validates the components: exactly one of request and error. */
    public ReadResult {
        Objects.requireNonNull(source, "source");
        if ((request == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of request and error");
        }
    }

    /**
     * @param source input name
     * @param position record number
     * @param request the request
     * @return a successful result
     */
    public static ReadResult of(String source, long position, Request request) {
        return new ReadResult(source, position, request, null);
    }

    /**
     * @param source input name
     * @param position record number
     * @param error one line
     * @return a failed result
     */
    public static ReadResult failed(String source, long position, String error) {
        return new ReadResult(source, position, null, error);
    }
}
