package org.promptcensus.plugins.googlenl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;
import org.promptcensus.api.spi.ReadResult;

/**
 * Reads one line of {@code classifyText} results: {@code {"categories": [{"name": "/Adult",
 * "confidence": 0.9}], "id", "model", "created", "user", "usage", "text"}} (all but
 * {@code categories} optional; other fields, such as the v2 response's {@code languageCode}, are
 * ignored) into a canonical request whose first message is the {@link Bridge} system message and
 * whose user message is {@code text} when present.
 *
 * <p>Stateless and thread-safe.
 */
final class ClassifyTextRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyTextRecord() {
    }

    /**
     * @param source the input's name
     * @param line the 1-based line number
     * @param text the line
     * @return the request, or a failed result naming the field that is wrong
     */
    static ReadResult read(String source, long line, String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ReadResult.failed(source, line, "malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            return ReadResult.failed(source, line, "not a JSON object");
        }
        try {
            return ReadResult.of(source, line, request(n, line));
        } catch (IllegalArgumentException e) {
            return ReadResult.failed(source, line, e.getMessage());
        }
    }

    private static Request request(JsonNode n, long line) {
        List<NlCategory> categories = categories(n.get("categories"));
        String text = optionalText(n, "text");
        if (categories.isEmpty() && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("categories: empty, and no text: nothing to tag");
        }
        Request.Builder b = Request.builder(id(n.get("id"), line));
        if (!categories.isEmpty()) {
            b.message(Role.SYSTEM, Bridge.encode(categories));
        }
        if (text != null && !text.isBlank()) {
            b.message(Role.USER, text);
        }
        return b.model(optionalText(n, "model")).user(optionalText(n, "user")).created(created(n.get("created")))
                .usage(usage(n.get("usage"))).build();
    }

    private static List<NlCategory> categories(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("categories: not an array");
        }
        List<NlCategory> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            JsonNode name = c.get("name");
            JsonNode confidence = c.get("confidence");
            if (name == null || !name.isTextual() || !name.asText().startsWith("/")) {
                throw new IllegalArgumentException("categories[" + i + "].name: missing or not a /Path");
            }
            if (confidence == null || !confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1) {
                throw new IllegalArgumentException("categories[" + i + "].confidence: missing or not a number in [0, 1]");
            }
            out.add(new NlCategory(name.asText(), confidence.asDouble()));
        }
        return out;
    }

    private static String id(JsonNode id, long line) {
        if (id == null || id.isNull()) {
            return String.valueOf(line);
        }
        if (!id.isTextual() && !id.isNumber()) {
            throw new IllegalArgumentException("id: not a string or number");
        }
        return id.asText();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + ": not a string");
        }
        return v.asText();
    }

    private static Instant created(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochSecond(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("created: not ISO-8601 UTC (2025-06-01T10:00:00Z) or epoch seconds");
            }
        }
        throw new IllegalArgumentException("created: not a time");
    }

    private static Usage usage(JsonNode u) {
        if (u == null || u.isNull()) {
            return Usage.UNKNOWN;
        }
        if (!u.isObject()) {
            throw new IllegalArgumentException("usage: not an object");
        }
        return new Usage(count(u, "prompt_tokens", "input_tokens"), count(u, "completion_tokens", "output_tokens"),
                count(u, "reasoning_tokens", null), count(u, "cached_tokens", null));
    }

    private static Long count(JsonNode u, String name, String alias) {
        JsonNode v = u.get(name);
        if ((v == null || v.isNull()) && alias != null) {
            v = u.get(alias);
            name = alias;
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || v.asLong() < 0 || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("usage." + name + ": not a non-negative integer");
        }
        return v.asLong();
    }
}
