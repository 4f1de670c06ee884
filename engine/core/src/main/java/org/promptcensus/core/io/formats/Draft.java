package org.promptcensus.core.io.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;

/**
 * A request being assembled from a log record. Every setter keeps the first non-null value it is
 * given, so readers can offer values from the most to the least authoritative field.
 * Not thread-safe.
 */
final class Draft {
    String id;
    String model;
    Instant created;
    String user;
    String finishReason;
    Integer toolCount;
    int nonTextParts;
    Long promptTokens;
    Long completionTokens;
    Long reasoningTokens;
    Long cachedTokens;
    Double costUsd;
    final List<Message> messages = new ArrayList<>();

    Draft id(String v) {
        if (id == null && v != null) {
            id = v;
        }
        return this;
    }

    Draft model(String v) {
        if (model == null && v != null) {
            model = normalizeModel(v);
        }
        return this;
    }

    Draft created(Instant v) {
        if (created == null) {
            created = v;
        }
        return this;
    }

    Draft user(String v) {
        if (user == null && v != null) {
            user = v;
        }
        return this;
    }

    Draft finishReason(String v) {
        if (finishReason == null && v != null) {
            finishReason = v;
        }
        return this;
    }

    Draft tools(Integer v) {
        if (toolCount == null && v != null) {
            toolCount = v;
        }
        return this;
    }

    Draft prompt(Long v) {
        if (promptTokens == null) {
            promptTokens = v;
        }
        return this;
    }

    Draft completion(Long v) {
        if (completionTokens == null) {
            completionTokens = v;
        }
        return this;
    }

    Draft reasoning(Long v) {
        if (reasoningTokens == null) {
            reasoningTokens = v;
        }
        return this;
    }

    Draft cached(Long v) {
        if (cachedTokens == null) {
            cachedTokens = v;
        }
        return this;
    }

    Draft cost(Double v) {
        if (costUsd == null) {
            costUsd = v;
        }
        return this;
    }

    void message(Role role, String text) {
        messages.add(new Message(role, text));
    }

    boolean hasMessages() {
        return !messages.isEmpty();
    }

    boolean hasUsage() {
        return promptTokens != null || completionTokens != null;
    }

    /**
     * Vertex and Gemini name models by resource path ({@code projects/p/locations/l/publishers/google/models/gemini-2.5-flash},
     * {@code models/gemini-2.0-flash}); the model is the last segment.
     */
    static String normalizeModel(String m) {
        String s = m.trim();
        if (s.isEmpty()) {
            return null;
        }
        int i = s.lastIndexOf("models/");
        if (i >= 0 && (i == 0 || s.startsWith("projects/") || s.startsWith("publishers/"))) {
            return s.substring(i + "models/".length());
        }
        return s;
    }

    /**
     * @param fallbackId the id when the record had none
     * @return the request
     */
    Request build(String fallbackId) {
        Request.Builder b = Request.builder(id != null ? id : fallbackId);
        messages.forEach(b::message);
        Usage usage = new Usage(promptTokens, completionTokens, reasoningTokens, cachedTokens);
        return b.model(model).created(created).user(user).usage(usage).finishReason(finishReason)
                .toolCount(toolCount == null ? 0 : toolCount).nonTextParts(nonTextParts).costUsd(costUsd).build();
    }
}
