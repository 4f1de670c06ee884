package org.promptcensus.core.io;

/**
 * What goes into each output line besides the id, language and tags.
 *
 * @param keepText copy the request's messages to the output (off by default: privacy)
 * @param explain include the evidence behind each tag
 */
public record OutputOptions(boolean keepText, boolean explain) {
    /** The defaults: no text, no evidence. */
    public static final OutputOptions DEFAULT = new OutputOptions(false, false);
}
