package org.promptcensus.core.io;

import org.promptcensus.api.Request;

/**
 * One input record before parsing: its place in the input and either its JSON text, a request
 * already built by the reader (CSV rows), or the reason it could not be read.
 *
 * @param source the file name ({@code -} for stdin)
 * @param line the 1-based line (or CSV record) number
 * @param text the record's JSON text, or null
 * @param request the request when the reader built it already, or null
 * @param error why it could not be read, or null
 */
public record RawRecord(String source, long line, String text, Request request, String error) {
    /**
     * @param source file name
     * @param line line number
     * @param text JSON text
     * @return a record to parse
     */
    public static RawRecord json(String source, long line, String text) {
        return new RawRecord(source, line, text, null, null);
    }

    /**
     * @param source file name
     * @param line line number
     * @param error what is wrong
     * @return an unreadable record
     */
    public static RawRecord failed(String source, long line, String error) {
        return new RawRecord(source, line, null, null, error);
    }

    /** @return {@code file:line}, for messages */
    public String where() {
        return source + ":" + line;
    }
}
