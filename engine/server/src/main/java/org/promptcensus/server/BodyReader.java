package org.promptcensus.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body within the size limit and decodes it strictly as UTF-8. A body over the
 * limit is answered 413 (small excesses are drained first so that the client reads the answer
 * instead of a reset connection); invalid UTF-8 is answered 400 naming the byte offset.
 *
 * <p>Thread-safe (stateless; a decoder per call).
 */
final class BodyReader {
    private final long maxBytes;
    private final long drainBytes;

    /** @param maxBytes the largest body accepted */
    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
        this.drainBytes = Math.max(8L << 20, maxBytes * 4);
    }

    /**
     * @param ctx the request
     * @return the body as text (a leading byte-order mark removed)
     * @throws ApiException 413 {@code payload_too_large}, 400 {@code bad_record} for an empty body
     *         or invalid UTF-8
     */
    String read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= drainBytes) {
                drain(ctx, declared);
            }
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = readLimited(ctx.req().getInputStream());
        } catch (IOException e) {
            throw new ApiException(400, "bad_request", "could not read the request body: " + e.getClass().getSimpleName(), null);
        }
        if (bytes == null) {
            throw tooLarge();
        }
        return decode(bytes);
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "the request body is larger than the server's limit of "
                + Units.formatBytes(maxBytes) + " (--max-body)", null);
    }

    /** @return the bytes, or null when over the limit (the rest drained up to the drain bound) */
    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                long drained = total;
                while (drained < drainBytes && (n = in.read(buf)) > 0) {
                    drained += n;
                }
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(Context ctx, long declared) {
        try (InputStream in = ctx.req().getInputStream()) {
            in.skipNBytes(declared);
        } catch (IOException | RuntimeException e) {
            // the client is gone or sent less than it declared: the 413 is all it gets
        }
    }

    /**
     * @param bytes a body
     * @return its text
     * @throws ApiException 400 when empty or not valid UTF-8
     */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw ApiException.badRecord("invalid UTF-8 at byte " + in.position());
        }
        out.flip();
        String s = out.toString();
        if (s.isBlank()) {
            throw ApiException.badRecord("empty body: expected JSON");
        }
        return s;
    }
}
