package org.promptcensus.api;

/**
 * Every error the engine reports carries one of these codes. The {@link Kind} tells who has to act:
 * the user (bad input or usage), a plugin author, or us (a bug).
 */
public enum ErrorCode {
    /** A record could not be parsed (malformed JSON, invalid UTF-8, wrong types). */
    BAD_RECORD(Kind.USER_INPUT),
    /** A record parsed but carries no text to classify. */
    NO_TEXT(Kind.USER_INPUT),
    /** A command-line option or configuration value is invalid. */
    BAD_USAGE(Kind.USER_INPUT),
    /** A file could not be read or written. */
    IO(Kind.EXTERNAL),
    /** A taxonomy definition or rules file is invalid. */
    BAD_TAXONOMY(Kind.USER_INPUT),
    /** A rule query does not compile. */
    BAD_RULE(Kind.USER_INPUT),
    /** A trained model is missing, corrupt or does not fit its taxonomy. */
    BAD_MODEL(Kind.USER_INPUT),
    /** A labelled corpus is invalid or too small to train on. */
    BAD_CORPUS(Kind.USER_INPUT),
    /** A plugin failed to load, start or run. */
    PLUGIN_FAILED(Kind.PLUGIN),
    /** An unexpected internal failure: a bug. */
    INTERNAL(Kind.INTERNAL);

    /** Who has to act on an error. */
    public enum Kind {
        /** The user's input or usage is wrong; exit code 2. */
        USER_INPUT,
        /** A plugin misbehaved. */
        PLUGIN,
        /** Something outside the engine failed (file system, network). */
        EXTERNAL,
        /** A bug in the engine. */
        INTERNAL
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    /** @return who has to act on this error */
    public Kind kind() {
        return kind;
    }
}
