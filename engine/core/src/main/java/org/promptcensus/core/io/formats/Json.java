package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RecordParser;

/**
 * JSON helpers shared by the formats: lenient reading of the values logs hold (numbers as strings,
 * JSON inside strings, blank strings for "none") and errors that name the path that failed.
 */
final class Json {
    /** The mapper the formats use: big strings, exact decimals. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(InputFiles.MAX_LINE_BYTES).maxNestingDepth(500).build());
        MAPPER.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private Json() {
    }

    /**
     * @param path the JSON path that failed, e.g. {@code observations[2].usageDetails.input}
     * @param message what is wrong with it
     * @return a BAD_RECORD error naming the path
     */
    static CensusException bad(String path, String message) {
        return new CensusException(ErrorCode.BAD_RECORD, path + ": " + message);
    }

    /** @return the node, or a missing node for null */
    static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }

    /** @return true for missing, JSON null, or a blank string */
    static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    /**
     * Decodes JSON held inside a string, as logs often store columns ({@code "metadata": "{...}"}),
     * up to three levels deep. A string that is not JSON is returned as it is.
     *
     * @param n a value
     * @return the decoded value
     */
    static JsonNode decode(JsonNode n) {
        JsonNode cur = orMissing(n);
        for (int i = 0; i < 3 && cur.isTextual(); i++) {
            String s = cur.asText().trim();
            if (s.isEmpty() || !(s.startsWith("{") || s.startsWith("[") || s.startsWith("\""))) {
                return cur;
            }
            try {
                JsonNode parsed = MAPPER.readTree(s);
                if (parsed == null) {
                    return cur;
                }
                cur = parsed;
            } catch (JsonProcessingException e) {
                return cur;
            }
        }
        return cur;
    }

    /**
     * Decodes a string that holds a JSON list of typed content parts ({@code [{"type": "text", ...}]});
     * any other string is text and is returned as it is.
     *
     * @param n a value
     * @return the parts, or the value
     */
    static JsonNode decodeParts(JsonNode n) {
        JsonNode cur = orMissing(n);
        if (cur.isTextual() && cur.asText().trim().startsWith("[{")) {
            JsonNode d = decode(cur);
            if (d.isArray() && d.size() > 0 && d.get(0).isObject() && d.get(0).has("type")) {
                return d;
            }
        }
        return cur;
    }

    /**
     * @param n a value
     * @return its text when it is a non-blank string or a number, else null
     */
    static String str(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            return s.isEmpty() || s.equals("None") || s.equals("null") ? null : s;
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        return null;
    }

    /**
     * @param n a value
     * @param path its path, for the error
     * @return its text when it is a non-blank string or a number, else null
     * @throws CensusException when it is an object or an array
     */
    static String strictStr(JsonNode n, String path) {
        if (n != null && (n.isObject() || n.isArray())) {
            throw bad(path, "expected a string, got " + n.getNodeType().toString().toLowerCase());
        }
        return str(n);
    }

    /**
     * Reads a token count: an integer, an integral float, or a string holding one.
     *
     * @param n a value
     * @param path its path, for the error
     * @return the count, or null when absent
     * @throws CensusException when it is present but not a non-negative integer
     */
    static Long count(JsonNode n, String path) {
        if (absent(n)) {
            return null;
        }
        BigDecimal d = number(n, path);
        if (d.signum() < 0) {
            throw bad(path, "must be a non-negative integer, got " + abbreviate(n.toString()));
        }
        try {
            return d.stripTrailingZeros().toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw bad(path, "must be a non-negative integer, got " + abbreviate(n.toString()));
        }
    }

    /**
     * @param n a value
     * @param path its path, for the error
     * @return the amount, or null when absent
     */
    static Double money(JsonNode n, String path) {
        if (absent(n)) {
            return null;
        }
        return number(n, path).doubleValue();
    }

    private static BigDecimal number(JsonNode n, String path) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw bad(path, "expected a number, got " + abbreviate(n.toString()));
    }

    /**
     * @param n a value
     * @param path its path, for the error
     * @return the time, or null when absent
     */
    static Instant time(JsonNode n, String path) {
        if (absent(n)) {
            return null;
        }
        try {
            return RecordParser.time(n, path);
        } catch (CensusException e) {
            String m = e.getMessage();
            String prefix = "'" + path + "' ";
            throw bad(path, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
    }

    /**
     * Follows a dotted path ({@code a.b.0.c}); dots inside keys are not supported.
     *
     * @param n the root
     * @param dotted the path
     * @return the node, or a missing node
     */
    static JsonNode at(JsonNode n, String dotted) {
        JsonNode cur = orMissing(n);
        for (String part : dotted.split("\\.")) {
            if (cur.isArray() && part.chars().allMatch(Character::isDigit)) {
                cur = cur.path(Integer.parseInt(part));
            } else {
                cur = cur.path(part);
            }
        }
        return cur;
    }

    /** @return the first value that is not absent, or a missing node */
    static JsonNode first(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (!absent(c)) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
