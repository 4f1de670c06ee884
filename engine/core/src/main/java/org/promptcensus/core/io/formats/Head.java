package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The first characters of an input, parsed as far as they go, for {@link
 * org.promptcensus.api.spi.InputFormat#sniff}: the first complete JSON Lines records, and the
 * first record as a (possibly truncated) tree even when the head cuts a large document short.
 * Immutable.
 */
final class Head {
    private static final int MAX_LINES = 10;
    private static volatile Head last;

    private final String source;
    private final String text;
    private final List<JsonNode> lines;
    private final boolean jsonLines;
    private final JsonNode root;
    private final java.util.Set<String> firstKeys = new java.util.LinkedHashSet<>();

    private Head(String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        this.source = head;
        this.text = text;
        List<JsonNode> parsed = new ArrayList<>();
        boolean firstOk = false;
        boolean secondOk = false;
        int seen = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            if (line.isBlank()) {
                continue;
            }
            if (seen++ >= MAX_LINES) {
                break;
            }
            try {
                JsonNode n = Json.MAPPER.readTree(line);
                if (n != null && n.isObject()) {
                    parsed.add(n);
                    firstOk |= seen == 1;
                    secondOk |= seen == 2;
                }
            } catch (IOException | RuntimeException e) {
                // not a complete JSON line
            }
        }
        this.lines = List.copyOf(parsed);
        // JSON Lines when the first line, or (after a broken first line) the second, is a complete object.
        this.jsonLines = firstOk || secondOk;
        this.root = partial(text, firstKeys);
    }

    /**
     * @param text the head of an input
     * @return its parse (the last one is cached: every format sniffs the same head)
     */
    static Head of(String text) {
        Head h = last;
        if (h != null && h.source.equals(text)) {
            return h;
        }
        h = new Head(text == null ? "" : text);
        last = h;
        return h;
    }

    /** @return true when the head holds nothing but white space */
    boolean isBlank() {
        return text.isBlank();
    }

    /** @return true when the input is JSON Lines (one complete object per line) */
    boolean jsonLines() {
        return jsonLines;
    }

    /** @return the complete records among the first lines */
    List<JsonNode> lines() {
        return lines;
    }

    /** @return the first value of the input, possibly cut short (missing when there is none) */
    JsonNode root() {
        return root;
    }

    /**
     * @return the first record: the first complete line of JSON Lines, else the first element of a
     *         top-level array, else the top-level object (possibly cut short); missing when none
     */
    JsonNode first() {
        if (jsonLines && !lines.isEmpty()) {
            return lines.get(0);
        }
        if (root.isArray()) {
            return root.size() > 0 ? root.get(0) : MissingNode.getInstance();
        }
        return root;
    }

    /**
     * @return true when the head is one line cut short: a first record longer than the head (a
     *         long prompt, an inline image), so that no line is complete
     */
    boolean firstLineCut() {
        String t = text.strip();
        return t.startsWith("{") && !t.contains("\n");
    }

    /** @return the top-level field names of the first value, including one whose value is cut short */
    java.util.Set<String> firstKeys() {
        return java.util.Collections.unmodifiableSet(firstKeys);
    }

    /** @return the first record's object, or an empty object */
    ObjectNode firstObject() {
        JsonNode f = first();
        return f.isObject() ? (ObjectNode) f : JsonNodeFactory.instance.objectNode();
    }

    /**
     * Builds as much of the first JSON value as the text holds: containers cut short are closed,
     * a value cut short is left out.
     */
    static JsonNode partial(String s) {
        return partial(s, new java.util.HashSet<>());
    }

    private static JsonNode partial(String s, java.util.Set<String> keys) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Deque<JsonNode> stack = new ArrayDeque<>();
        JsonNode root = MissingNode.getInstance();
        String field = null;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(s)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonNode value;
                switch (t) {
                    case FIELD_NAME -> {
                        field = p.currentName();
                        if (stack.size() == 1 && stack.peek().isObject()) {
                            keys.add(field);
                        }
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        if (stack.isEmpty()) {
                            return root;
                        }
                        continue;
                    }
                    case START_OBJECT -> value = f.objectNode();
                    case START_ARRAY -> value = f.arrayNode();
                    case VALUE_STRING -> value = f.textNode(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = f.numberNode(p.getDecimalValue());
                    case VALUE_TRUE -> value = f.booleanNode(true);
                    case VALUE_FALSE -> value = f.booleanNode(false);
                    case VALUE_NULL -> value = f.nullNode();
                    default -> {
                        continue;
                    }
                }
                if (stack.isEmpty()) {
                    root = value;
                } else if (stack.peek() instanceof ObjectNode o) {
                    o.set(field, value);
                } else {
                    ((ArrayNode) stack.peek()).add(value);
                }
                if (value.isContainerNode()) {
                    stack.push(value);
                } else if (stack.isEmpty()) {
                    return root;
                }
            }
        } catch (IOException | RuntimeException e) {
            // cut short: keep what was built
        }
        return root;
    }

    /**
     * @param o an object
     * @param keys field names
     * @return how many of the names the object has
     */
    static int count(JsonNode o, String... keys) {
        int n = 0;
        for (String k : keys) {
            if (o.has(k)) {
                n++;
            }
        }
        return n;
    }
}
