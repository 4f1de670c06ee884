package org.promptcensus.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Request;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;

/**
 * Turns request bodies into {@link Request}s with the engine's {@link RecordParser}: one JSON object
 * in any accepted shape (chat request, {@code {"text": ...}}, gateway record, ...), or a batch given
 * as a JSON array or as NDJSON (one object per line; blank lines skipped). Trailing content after a
 * JSON value is an error. Errors are one line and name the record ({@code record 3: ...}). A batch
 * body that is exactly one JSON object (pretty-printed or not) is a batch of one.
 *
 * <p>Thread-safe (the parser and the reader are).
 */
final class RequestReader {
    private final RecordParser parser = new RecordParser(FieldMapping.NONE);
    private final ObjectReader strict = parser.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * One record of a batch: its request, or why it could not be read.
     *
     * @param index its position in the batch, from 0
     * @param request the request, or null
     * @param error the error, or null
     */
    record Item(int index, Request request, ApiException error) {
    }

    /**
     * @param body a body holding one JSON object
     * @param defaultId the id when the record has none
     * @return the request
     * @throws ApiException 400 naming the problem
     */
    Request one(String body, String defaultId) {
        return parse(tree(body), defaultId);
    }

    /**
     * @param body a JSON array of objects, or NDJSON
     * @return the records in order, each parsed or failed
     * @throws ApiException 400 when the body is neither a JSON array nor NDJSON of objects
     */
    List<Item> many(String body) {
        List<Item> out = new ArrayList<>();
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{")) {
            JsonNode single = trySingle(body);
            if (single != null) {
                out.add(item(0, () -> single, "1"));
                return out;
            }
        }
        if (trimmed.startsWith("[")) {
            JsonNode array = readTree(body);
            if (!array.isArray()) {
                throw ApiException.badRecord("expected a JSON array or NDJSON");
            }
            int i = 0;
            for (JsonNode n : array) {
                out.add(item(i, () -> {
                    if (!n.isObject()) {
                        throw ApiException.badRecord("expected a JSON object, got " + type(n));
                    }
                    return n;
                }, String.valueOf(i + 1)));
                i++;
            }
            return out;
        }
        int lineNo = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            lineNo++;
            String line = body.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            out.add(item(out.size(), () -> tree(line), String.valueOf(lineNo)));
        }
        return out;
    }

    /** @return the body's one JSON object, or null when it is not exactly one (NDJSON, or malformed) */
    private JsonNode trySingle(String body) {
        try {
            JsonNode n = strict.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private interface NodeSupplier {
        JsonNode get();
    }

    private Item item(int index, NodeSupplier node, String defaultId) {
        try {
            return new Item(index, parse(node.get(), defaultId), null);
        } catch (ApiException e) {
            return new Item(index, null, new ApiException(e.status(), e.code(), "record " + (index + 1) + ": " + e.getMessage(), null));
        }
    }

    private Request parse(JsonNode node, String defaultId) {
        try {
            return parser.parse(node, defaultId);
        } catch (CensusException e) {
            throw ErrorMapping.toApi(e);
        }
    }

    private JsonNode tree(String text) {
        JsonNode node = readTree(text);
        if (!node.isObject()) {
            throw ApiException.badRecord("expected a JSON object, got " + type(node));
        }
        return node;
    }

    private JsonNode readTree(String text) {
        try {
            JsonNode node = strict.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRecord("malformed JSON: no value");
            }
            return node;
        } catch (JsonProcessingException e) {
            String msg = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed JSON");
            var loc = e.getLocation();
            throw ApiException.badRecord("malformed JSON: " + abbreviate(msg)
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()));
        }
    }

    private static String type(JsonNode n) {
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
