package org.promptcensus.api;

import java.util.Objects;

/**
 * One chat message.
 *
 * @param role who wrote it
 * @param content its text (never null; non-text parts are not included)
 */
public record Message(Role role, String content) {
    /** Validates the components. */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
