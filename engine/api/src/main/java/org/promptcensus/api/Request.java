package org.promptcensus.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request sent to a language model, in the engine's canonical form: the messages and the
 * metadata a gateway log carries. Immutable.
 *
 * @param id the record's id (from the input, or its line number)
 * @param messages the chat messages in order (may be empty for metadata-only records)
 * @param model the model id as logged, or null
 * @param created when the request was made, or null
 * @param user the end user's id, or null
 * @param usage token counts (never null; {@link Usage#UNKNOWN} when absent)
 * @param finishReason the completion's finish reason, or null
 * @param toolCount the number of tools offered to the model
 * @param nonTextParts the number of message parts that were not text (images, audio, files)
 * @param costUsd what the request cost in US dollars as the log reports it, or null when unknown
 */
public record Request(String id, List<Message> messages, String model, Instant created, String user,
                      Usage usage, String finishReason, int toolCount, int nonTextParts, Double costUsd) {

    /** Validates and copies the components. */
    public Request {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        usage = usage == null ? Usage.UNKNOWN : usage;
        if (toolCount < 0 || nonTextParts < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (costUsd != null && !Double.isFinite(costUsd)) {
            throw new IllegalArgumentException("cost must be finite");
        }
    }

    /**
     * A request without a known cost (the components before {@code costUsd} was added).
     *
     * @param id the id
     * @param messages the messages
     * @param model the model id, or null
     * @param created the time, or null
     * @param user the user id, or null
     * @param usage token counts
     * @param finishReason the finish reason, or null
     * @param toolCount tools offered
     * @param nonTextParts non-text parts seen
     */
    public Request(String id, List<Message> messages, String model, Instant created, String user,
                   Usage usage, String finishReason, int toolCount, int nonTextParts) {
        this(id, messages, model, created, user, usage, finishReason, toolCount, nonTextParts, null);
    }

    /**
     * A request made of a single user message.
     *
     * @param id its id
     * @param text the user's text
     * @return the request
     */
    public static Request ofText(String id, String text) {
        return builder(id).message(Role.USER, text).build();
    }

    /**
     * @param id the request id
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.messages.addAll(messages);
        return b.model(model).created(created).user(user).usage(usage).finishReason(finishReason)
                .toolCount(toolCount).nonTextParts(nonTextParts).costUsd(costUsd);
    }

    /** @return true when at least one message has non-blank text */
    public boolean hasText() {
        for (Message m : messages) {
            if (!m.content().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link Request}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private final List<Message> messages = new ArrayList<>();
        private String model;
        private Instant created;
        private String user;
        private Usage usage = Usage.UNKNOWN;
        private String finishReason;
        private int toolCount;
        private int nonTextParts;
        private Double costUsd;

        private Builder(String id) {
            this.id = id;
        }

        /** @param id the id @return this */
        public Builder id(String id) { this.id = id; return this; }

        /** @param role the author @param content the text @return this */
        public Builder message(Role role, String content) { messages.add(new Message(role, content)); return this; }

        /** @param message a message @return this */
        public Builder message(Message message) { messages.add(message); return this; }

        /** @param model the model id @return this */
        public Builder model(String model) { this.model = model; return this; }

        /** @param created the time of the request @return this */
        public Builder created(Instant created) { this.created = created; return this; }

        /** @param user the end user's id @return this */
        public Builder user(String user) { this.user = user; return this; }

        /** @param usage token counts @return this */
        public Builder usage(Usage usage) { this.usage = usage; return this; }

        /** @param finishReason the finish reason @return this */
        public Builder finishReason(String finishReason) { this.finishReason = finishReason; return this; }

        /** @param toolCount the number of tools offered @return this */
        public Builder toolCount(int toolCount) { this.toolCount = toolCount; return this; }

        /** @param nonTextParts the number of non-text parts seen @return this */
        public Builder nonTextParts(int nonTextParts) { this.nonTextParts = nonTextParts; return this; }

        /** @param costUsd the request's cost in US dollars, or null @return this */
        public Builder costUsd(Double costUsd) { this.costUsd = costUsd; return this; }

        /** @return the request */
        public Request build() {
            return new Request(id, messages, model, created, user, usage, finishReason, toolCount, nonTextParts, costUsd);
        }
    }
}
