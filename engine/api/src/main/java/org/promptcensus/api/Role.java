package org.promptcensus.api;

import java.util.Locale;
import java.util.Optional;

/** The author of a chat message. */
public enum Role {
    /** System prompt: instructions, character cards. */
    SYSTEM,
    /** The human user. */
    USER,
    /** The model. */
    ASSISTANT,
    /** A tool or function result. */
    TOOL;

    /**
     * Parses the role names used by OpenAI ({@code system}, {@code developer}, {@code user},
     * {@code assistant}, {@code tool}, {@code function}) and ShareGPT ({@code human}, {@code gpt}).
     *
     * @param name a role name in any case
     * @return the role, or empty when the name is unknown
     */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "system": case "developer":
                return Optional.of(SYSTEM);
            case "user": case "human":
                return Optional.of(USER);
            case "assistant": case "gpt": case "model": case "bot": case "chatgpt":
                return Optional.of(ASSISTANT);
            case "tool": case "function": case "ipython":
                return Optional.of(TOOL);
            default:
                return Optional.empty();
        }
    }

    /** @return the lower-case wire name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
