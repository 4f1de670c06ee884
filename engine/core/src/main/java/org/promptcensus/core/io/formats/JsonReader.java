package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.promptcensus.core.io.InputFiles;

/**
 * Reads the JSON records of one input, whatever its layout: JSON Lines (one object per line, a
 * broken line is reported and the next one read), a JSON array of objects, or one or more
 * (pretty-printed) objects. Positions are the 1-based line on which a record starts.
 *
 * <p>Not thread-safe.
 */
final class JsonReader implements AutoCloseable {
    /**
     * One record or the reason it could not be read.
     *
     * @param line the line it starts on
     * @param node the record, or null
     * @param error why it could not be read, or null
     */
    record Item(long line, JsonNode node, String error) {
    }

    private enum Mode { UNKNOWN, LINES, DOCUMENT, DONE }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Deque<Item> pending = new ArrayDeque<>();
    private Mode mode = Mode.UNKNOWN;
    private long lineNo;
    private JsonParser parser;
    private boolean inArray;
    private boolean eof;

    /** @param in the input, decompressed */
    JsonReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next record, or null at the end
     * @throws IOException when the input cannot be read
     */
    Item next() throws IOException {
        while (pending.isEmpty()) {
            switch (mode) {
                case UNKNOWN -> start();
                case LINES -> {
                    if (!nextLine()) {
                        mode = Mode.DONE;
                    }
                }
                case DOCUMENT -> nextInDocument();
                case DONE -> {
                    return null;
                }
            }
        }
        return pending.poll();
    }

    /** Reads the first non-blank lines to tell JSON Lines from a JSON document. */
    private void start() throws IOException {
        ByteArrayOutputStream consumed = new ByteArrayOutputStream();
        byte[] first = null;
        long firstLine = 0;
        while (true) {
            byte[] line = readLine(consumed);
            if (line == null) {
                break;
            }
            lineNo++;
            if (eofTooLong) {
                eofTooLong = false;
                mode = Mode.LINES;
                if (first != null) {
                    lineItem(firstLine, first);
                }
                pending.add(new Item(lineNo, null, "line longer than " + InputFiles.MAX_LINE_BYTES + " bytes"));
                return;
            }
            if (!isBlank(line)) {
                if (first == null) {
                    first = line;
                    firstLine = lineNo;
                    if (startsWith(line, '{') && completeObject(line)) {
                        mode = Mode.LINES;
                        lineItem(firstLine, first);
                        return;
                    }
                    if (!startsWith(line, '{')) {
                        break;
                    }
                } else {
                    if (completeObject(line)) {
                        mode = Mode.LINES;
                        lineItem(firstLine, first);
                        lineItem(lineNo, line);
                        return;
                    }
                    break;
                }
            }
        }
        if (first == null) {
            mode = Mode.DONE;
            return;
        }
        if (!startsWith(first, '{') && !startsWith(first, '[')) {
            // Neither JSON Lines nor a JSON document: report it line by line (only this line was read).
            mode = Mode.LINES;
            lineItem(firstLine, first);
            return;
        }
        mode = Mode.DOCUMENT;
        lineNo = 0;
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
        pos = limit;
        parser = Json.MAPPER.getFactory().createParser(new SequenceInputStream(new ByteArrayInputStream(consumed.toByteArray()), rest));
    }

    private boolean nextLine() throws IOException {
        while (true) {
            byte[] line = readLine(null);
            if (line == null) {
                return false;
            }
            lineNo++;
            if (line.length == 0 && eofTooLong) {
                eofTooLong = false;
                pending.add(new Item(lineNo, null, "line longer than " + InputFiles.MAX_LINE_BYTES + " bytes"));
                return true;
            }
            if (!isBlank(line)) {
                lineItem(lineNo, line);
                return true;
            }
        }
    }

    private void lineItem(long line, byte[] bytes) {
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark
            }
        } catch (CharacterCodingException e) {
            pending.add(new Item(line, null, "invalid UTF-8"));
            return;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (n == null) {
                return;
            }
            if (n.isArray()) {
                for (JsonNode e : n) {
                    pending.add(e.isObject() ? new Item(line, e, null) : new Item(line, null, "expected a JSON object, got "
                            + e.getNodeType().toString().toLowerCase()));
                }
            } else if (n.isObject()) {
                pending.add(new Item(line, n, null));
            } else {
                pending.add(new Item(line, null, "expected a JSON object, got " + n.getNodeType().toString().toLowerCase()));
            }
        } catch (JsonProcessingException e) {
            pending.add(new Item(line, null, malformed(e)));
        }
    }

    private void nextInDocument() throws IOException {
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                mode = Mode.DONE;
                return;
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_ARRAY && !inArray) {
                inArray = true;
                return;
            }
            if (t == JsonToken.END_ARRAY && inArray) {
                inArray = false;
                return;
            }
            if (t == JsonToken.START_OBJECT) {
                JsonNode n = parser.readValueAsTree();
                pending.add(new Item(line, n, null));
                return;
            }
            if (t == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            pending.add(new Item(line, null, "expected a JSON object, got " + t.asString()));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? Math.max(1, lineNo) : e.getLocation().getLineNr();
            pending.add(new Item(line, null, malformed(e) + "; the rest of this input is not read"));
            mode = Mode.DONE;
        }
    }

    private static String malformed(JsonProcessingException e) {
        String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
        return "malformed JSON: " + msg + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr());
    }

    private boolean eofTooLong;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    /** @return the next line's bytes without its end, or null at the end of input */
    private byte[] readLine(ByteArrayOutputStream copy) throws IOException {
        InputStream src = in;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    break;
                }
                limit = src.read(buf);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    break;
                }
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            if (copy != null) {
                copy.write(buf, pos, (nl < 0 ? limit : nl + 1) - pos);
            }
            if (!tooLong) {
                if ((long) line.size() + (end - pos) > InputFiles.MAX_LINE_BYTES) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buf, pos, end - pos);
                }
            }
            if (nl >= 0) {
                pos = nl + 1;
                break;
            }
            pos = limit;
        }
        if (!any) {
            return null;
        }
        if (tooLong) {
            eofTooLong = true;
            return new byte[0];
        }
        byte[] b = line.toByteArray();
        if (b.length > 0 && b[b.length - 1] == '\r') {
            return java.util.Arrays.copyOf(b, b.length - 1);
        }
        return b;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, char c) {
        for (byte x : b) {
            if (x == ' ' || x == '\t' || x == '\r' || (x & 0xff) == 0xef || (x & 0xff) == 0xbb || (x & 0xff) == 0xbf) {
                continue; // white space and a UTF-8 byte-order mark
            }
            return x == c;
        }
        return false;
    }

    private static boolean completeObject(byte[] b) {
        try {
            JsonNode n = Json.MAPPER.readTree(b);
            return n != null && n.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
