package org.promptcensus.cli;

/** Exit codes of {@code census}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A failure (I/O, internal, plugin). */
    public static final int FAILURE = 1;
    /** Bad usage, or bad input under {@code --strict}. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
