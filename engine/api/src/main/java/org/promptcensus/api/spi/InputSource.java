package org.promptcensus.api.spi;

import java.io.InputStream;
import java.util.Objects;

/**
 * One input handed to an {@link InputFormat}: a file or stdin, already decompressed.
 *
 * @param name the file name for messages ({@code -} for stdin)
 * @param stream its bytes; the format reads it, the engine closes it
 */
public record InputSource(String name, InputStream stream) {
    /** Validates the components. */
    public InputSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
    }
}
