package org.promptcensus.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;

/**
 * Turns one JSON record into a canonical {@link Request}, recognising its shape:
 * <ul>
 *   <li>{@code {"text": ...}} or {@code {"prompt": ...}} (a string, or a list of strings);</li>
 *   <li>OpenAI chat requests {@code {"messages": [{"role", "content"}]}}, where content is a string
 *       or a list of parts ({@code {"type": "text", "text": ...}}; other parts are counted, not read),
 *       with an optional Anthropic-style top-level {@code system};</li>
 *   <li>ShareGPT {@code {"conversations": [{"from", "value"}]}};</li>
 *   <li>gateway log records that wrap the request: {@code {"request": {...}, ...metadata}}.</li>
 * </ul>
 * Canonical metadata: {@code id}, {@code model}, {@code created} (ISO-8601 or epoch seconds),
 * {@code user}, {@code usage} ({@code prompt_tokens}, {@code completion_tokens},
 * {@code reasoning_tokens}), {@code finish_reason}, {@code tools}; {@link FieldMapping} maps other
 * names. Unknown fields are ignored; the caller may report them ({@link #unknownFields}).
 *
 * <p>Thread-safe.
 */
public final class RecordParser {
    /** Top-level fields this parser reads. */
    public static final Set<String> KNOWN_FIELDS = Set.of("id", "custom_id", "model", "created", "timestamp", "user",
            "usage", "finish_reason", "tools", "functions", "text", "prompt", "messages", "system", "conversations",
            "request", "response", "metadata", "labels", "lang", "source", "label_quality", "orig_label", "choices",
            "temperature", "max_tokens", "top_p", "stream", "n", "stop", "tool_choice", "response_format",
            "presence_penalty", "frequency_penalty", "seed", "logprobs", "max_completion_tokens");

    private final ObjectMapper json;
    private final FieldMapping mapping;

    /** @param mapping field mappings for other schemas */
    public RecordParser(FieldMapping mapping) {
        this.mapping = mapping;
        this.json = new ObjectMapper();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(InputFiles.MAX_LINE_BYTES).maxNestingDepth(200).build());
    }

    /**
     * @param raw a JSON record
     * @param defaultId the id when the record has none (its line number)
     * @return the request
     * @throws CensusException BAD_RECORD with a one-line reason (malformed JSON, wrong type, no text)
     */
    public Request parse(String raw, String defaultId) {
        return parse(tree(raw), defaultId);
    }

    /**
     * @param raw a JSON record
     * @return its parsed object
     * @throws CensusException BAD_RECORD when it is not a JSON object
     */
    public JsonNode tree(String raw) {
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
            throw bad("malformed JSON: " + msg + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw bad("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        return node;
    }

    /**
     * @param node a parsed JSON object
     * @param defaultId the id when the record has none
     * @return the request
     */
    public Request parse(JsonNode node, String defaultId) {
        JsonNode body = node.path("request");
        if (body.isTextual()) {
            // Some gateways store the request body as a JSON string.
            try {
                body = json.readTree(body.asText());
            } catch (JsonProcessingException e) {
                throw bad("'request' is a string but not JSON");
            }
        }
        if (!body.isMissingNode() && !body.isObject()) {
            throw bad("'request' must be an object");
        }
        JsonNode req = body.isObject() ? body : node;

        Request.Builder b = Request.builder(text(node, "id").or(() -> text(node, "custom_id")).orElse(defaultId));
        MessageReader messages = new MessageReader(b);
        Optional<JsonNode> mappedText = mapped(node, "text");
        Optional<JsonNode> mappedMessages = mapped(node, "messages");
        mapped(node, "system").ifPresent(s -> messages.system(s, "system"));
        if (mappedMessages.isPresent()) {
            messages.chat(mappedMessages.get(), "messages");
        } else if (mappedText.isPresent()) {
            messages.prompt(mappedText.get(), "text");
        } else if (req.has("messages")) {
            if (req.has("system")) {
                messages.system(req.get("system"), "system");
            }
            messages.chat(req.get("messages"), "messages");
        } else if (req.has("conversations")) {
            messages.chat(req.get("conversations"), "conversations");
        } else if (req.has("text")) {
            messages.prompt(req.get("text"), "text");
        } else if (req.has("prompt")) {
            messages.prompt(req.get("prompt"), "prompt");
        } else {
            throw bad("no text: expected one of 'text', 'prompt', 'messages', 'conversations' or 'request' "
                    + "(or map yours with --field text=PATH)");
        }

        b.model(mapped(node, "model").map(JsonNode::asText)
                .or(() -> text(node, "model")).or(() -> text(req, "model")).orElse(null));
        b.created(mapped(node, "created").map(RecordParser::time)
                .or(() -> Optional.ofNullable(node.get("created")).map(RecordParser::time))
                .or(() -> Optional.ofNullable(node.get("timestamp")).map(RecordParser::time))
                .orElse(null));
        b.user(mapped(node, "user").map(JsonNode::asText)
                .or(() -> text(node, "user")).or(() -> text(req, "user"))
                .or(() -> text(req.path("metadata"), "user_id")).orElse(null));
        b.usage(usage(node));
        b.finishReason(mapped(node, "finish_reason").map(JsonNode::asText)
                .or(() -> text(node, "finish_reason"))
                .or(() -> text(node.path("response").path("choices").path(0), "finish_reason"))
                .or(() -> text(node.path("choices").path(0), "finish_reason")).orElse(null));
        JsonNode tools = mapped(node, "tools").orElse(req.has("tools") ? req.get("tools") : req.path("functions"));
        if (tools.isArray()) {
            b.toolCount(tools.size());
        } else if (tools.isInt()) {
            b.toolCount(Math.max(0, tools.asInt()));
        } else if (!tools.isMissingNode() && !tools.isNull()) {
            throw bad("'tools' must be an array");
        }
        b.nonTextParts(messages.nonTextParts());
        return b.build();
    }

    /**
     * @param node a parsed JSON record
     * @return its top-level field names that this parser does not read
     */
    public Set<String> unknownFields(JsonNode node) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN_FIELDS.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return the JSON mapper this parser uses (configured for large strings) */
    public ObjectMapper mapper() {
        return json;
    }

    private Usage usage(JsonNode node) {
        JsonNode u = node.path("usage");
        if (u.isMissingNode() || u.isNull()) {
            u = node.path("response").path("usage");
        }
        if (!u.isMissingNode() && !u.isNull() && !u.isObject()) {
            throw bad("'usage' must be an object");
        }
        JsonNode usage = u;
        Long prompt = mappedLong(node, "prompt_tokens").or(() -> count(usage, "prompt_tokens", "input_tokens")).orElse(null);
        Long completion = mappedLong(node, "completion_tokens").or(() -> count(usage, "completion_tokens", "output_tokens")).orElse(null);
        Long reasoning = mappedLong(node, "reasoning_tokens").or(() -> count(usage, "reasoning_tokens"))
                .or(() -> count(usage.path("completion_tokens_details"), "reasoning_tokens"))
                .or(() -> count(usage.path("output_tokens_details"), "reasoning_tokens")).orElse(null);
        Long cached = mappedLong(node, "cached_tokens").or(() -> count(usage, "cached_tokens"))
                .or(() -> count(usage.path("prompt_tokens_details"), "cached_tokens"))
                .or(() -> count(usage.path("input_tokens_details"), "cached_tokens")).orElse(null);
        return new Usage(prompt, completion, reasoning, cached);
    }

    private Optional<Long> count(JsonNode obj, String... names) {
        for (String name : names) {
            JsonNode v = obj.path(name);
            if (v.isMissingNode() || v.isNull()) {
                continue;
            }
            if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
                throw bad("'" + name + "' must be a non-negative integer, got " + abbreviate(v.toString()));
            }
            return Optional.of(v.asLong());
        }
        return Optional.empty();
    }

    private Optional<Long> mappedLong(JsonNode node, String name) {
        return mapped(node, name).map(v -> {
            if (!v.canConvertToLong()) {
                throw bad("mapped field '" + name + "' is not a number");
            }
            return v.asLong();
        });
    }

    private Optional<JsonNode> mapped(JsonNode node, String name) {
        return mapping.path(name).map(node::at).filter(n -> !n.isMissingNode() && !n.isNull());
    }

    private static Optional<String> text(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isTextual() || v.isNumber()) {
            return Optional.of(v.asText());
        }
        throw bad("'" + name + "' must be a string, got " + v.getNodeType().toString().toLowerCase());
    }

    /**
     * Reads a time as ISO-8601 (with or without offset; UTC when none), epoch seconds, or epoch
     * milliseconds / nanoseconds (told apart by magnitude).
     */
    static Instant time(JsonNode v) {
        return time(v, "created");
    }

    private static final java.math.BigDecimal E11 = new java.math.BigDecimal("1e11");
    private static final java.math.BigDecimal E14 = new java.math.BigDecimal("1e14");
    private static final java.math.BigDecimal E17 = new java.math.BigDecimal("1e17");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /**
     * Reads a time in any of the forms logs use, as UTC: ISO-8601 with or without an offset
     * ({@code 2025-01-24T09:20:46Z}, {@code 2025-01-24T09:20:46+02:00}, {@code +0200}), the same with a
     * space for the {@code T} ({@code 2025-01-24 09:20:46.847371}, no offset: UTC), a date alone,
     * RFC 1123, and epoch seconds (with a fraction), milliseconds, microseconds or nanoseconds, as a
     * JSON number or a numeric string, told apart by magnitude (above 1e17 nanoseconds, 1e14
     * microseconds, 1e11 milliseconds, else seconds).
     *
     * @param v the value
     * @param field the field's name or path, for the error message
     * @return the instant
     * @throws CensusException BAD_RECORD naming the field when the value is not a time
     */
    public static Instant time(JsonNode v, String field) {
        if (v.isNumber()) {
            return epoch(v.decimalValue());
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (NUMBER.matcher(s).matches()) {
                return epoch(new java.math.BigDecimal(s));
            }
            Instant t = iso(s);
            if (t == null) {
                throw bad("'" + field + "' is not a time (ISO-8601, or epoch seconds, milliseconds or nanoseconds): " + abbreviate(s));
            }
            return t;
        }
        throw bad("'" + field + "' must be a string or a number");
    }

    private static Instant epoch(java.math.BigDecimal d) {
        java.math.BigDecimal abs = d.abs();
        java.math.BigDecimal nanos;
        if (abs.compareTo(E17) > 0) {
            nanos = d;
        } else if (abs.compareTo(E14) > 0) {
            nanos = d.movePointRight(3);
        } else if (abs.compareTo(E11) > 0) {
            nanos = d.movePointRight(6);
        } else {
            nanos = d.movePointRight(9);
        }
        java.math.BigInteger[] qr = nanos.setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger()
                .divideAndRemainder(java.math.BigInteger.valueOf(1_000_000_000L));
        return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValue());
    }

    private static Instant iso(String s) {
        String t = s;
        if (t.length() > 10 && t.charAt(10) == ' ' && Character.isDigit(t.charAt(0))) {
            t = t.substring(0, 10) + "T" + t.substring(11);
        }
        t = t.replaceFirst("\\s*(UTC|GMT)$", "Z").replaceFirst("\\s+([+-]\\d)", "$1")
                .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst("(T[\\d:.]+[+-]\\d{2})$", "$1:00");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.ZonedDateTime.parse(s, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    static CensusException bad(String message) {
        return new CensusException(ErrorCode.BAD_RECORD, message);
    }

    /** Reads messages and prompt fields into a builder, counting non-text parts. */
    private static final class MessageReader {
        private static final Map<String, Role> SHAREGPT = Map.of("human", Role.USER, "gpt", Role.ASSISTANT,
                "system", Role.SYSTEM);
        private final Request.Builder b;
        private int nonText;

        MessageReader(Request.Builder b) {
            this.b = b;
        }

        int nonTextParts() {
            return nonText;
        }

        void system(JsonNode v, String field) {
            String s = content(v, field);
            if (!s.isEmpty()) {
                b.message(Role.SYSTEM, s);
            }
        }

        void prompt(JsonNode v, String field) {
            if (v.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode e : v) {
                    if (!e.isTextual()) {
                        throw bad("'" + field + "' must be a string or a list of strings");
                    }
                    sb.append(sb.length() == 0 ? "" : "\n").append(e.asText());
                }
                b.message(Role.USER, sb.toString());
            } else if (v.isTextual()) {
                b.message(Role.USER, v.asText());
            } else {
                throw bad("'" + field + "' must be a string, got " + v.getNodeType().toString().toLowerCase());
            }
        }

        void chat(JsonNode list, String field) {
            if (!list.isArray()) {
                throw bad("'" + field + "' must be an array of messages");
            }
            int i = 0;
            for (JsonNode m : list) {
                if (!m.isObject()) {
                    throw bad(field + "[" + i + "] must be an object");
                }
                String roleName = m.has("role") ? m.get("role").asText() : m.path("from").asText(null);
                Role role = Role.parse(roleName).orElse(SHAREGPT.get(String.valueOf(roleName)));
                if (role == null) {
                    throw bad(field + "[" + i + "]: unknown role '" + roleName + "'");
                }
                JsonNode content = m.has("content") ? m.get("content") : m.has("value") ? m.get("value") : m.path("parts");
                b.message(role, content(content, field + "[" + i + "].content"));
                i++;
            }
        }

        private String content(JsonNode v, String field) {
            if (v == null || v.isMissingNode() || v.isNull()) {
                return "";
            }
            if (v.isTextual()) {
                return v.asText();
            }
            if (v.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : v) {
                    if (part.isTextual()) {
                        sb.append(sb.length() == 0 ? "" : "\n").append(part.asText());
                        continue;
                    }
                    String type = part.path("type").asText("text");
                    JsonNode t = part.get("text");
                    if ((type.equals("text") || type.equals("input_text") || type.equals("output_text")) && t != null && t.isTextual()) {
                        sb.append(sb.length() == 0 ? "" : "\n").append(t.asText());
                    } else if (type.equals("text") && t != null && !t.isTextual()) {
                        throw bad(field + ": a text part's 'text' must be a string");
                    } else {
                        nonText++;
                    }
                }
                return sb.toString();
            }
            throw bad(field + " must be a string or a list of parts, got " + v.getNodeType().toString().toLowerCase());
        }
    }
}
