package org.promptcensus.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code \n}-separated lines of bytes and decodes each strictly as UTF-8, so that one line
 * of invalid UTF-8 is reported as that line's error instead of being silently replaced or failing
 * the whole file. Lines longer than a limit are skipped whole and reported.
 *
 * <p>Not thread-safe.
 */
public final class Utf8LineReader implements AutoCloseable {
    private final InputStream in;
    private final String source;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long lineNo;
    private byte[] line = new byte[1 << 12];
    private boolean eof;

    /**
     * @param in the bytes (closed by {@link #close()})
     * @param source the input's name, for the records' {@code where()}
     * @param maxLineBytes longest line accepted; longer lines become failed records
     */
    public Utf8LineReader(InputStream in, String source, int maxLineBytes) {
        this.in = in;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next record, or null at the end of input
     * @throws IOException when reading fails
     */
    public RawRecord next() throws IOException {
        while (true) {
            if (eof && pos >= limit) {
                return null;
            }
            int len = 0;
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (pos >= limit) {
                    limit = in.read(buf);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        break;
                    }
                }
                sawAny = true;
                int nl = -1;
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                int end = nl < 0 ? limit : nl;
                int chunk = end - pos;
                if (!tooLong) {
                    if ((long) len + chunk > maxLineBytes) {
                        tooLong = true;
                    } else {
                        if (len + chunk > line.length) {
                            line = Arrays.copyOf(line, Math.max(len + chunk, line.length * 2));
                        }
                        System.arraycopy(buf, pos, line, len, chunk);
                        len += chunk;
                    }
                }
                pos = end;
                if (nl >= 0) {
                    pos = nl + 1;
                    break;
                }
            }
            if (!sawAny) {
                return null;
            }
            lineNo++;
            if (tooLong) {
                return RawRecord.failed(source, lineNo, "line longer than " + maxLineBytes + " bytes");
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            if (eof && len == 0 && pos >= limit) {
                return null;
            }
            try {
                CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, len));
                return RawRecord.json(source, lineNo, chars.toString());
            } catch (CharacterCodingException e) {
                return RawRecord.failed(source, lineNo, "invalid UTF-8");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
