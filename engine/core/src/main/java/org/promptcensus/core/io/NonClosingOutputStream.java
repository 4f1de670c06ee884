package org.promptcensus.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose {@link #close} only flushes: for writers over stdout or over a channel
 * that its owner still has to force or close. Writes go straight through (no per-byte copying).
 * Thread-safety: that of the wrapped stream.
 */
public final class NonClosingOutputStream extends FilterOutputStream {
    /** @param out the stream that stays open */
    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
