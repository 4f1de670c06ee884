package org.promptcensus.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

/**
 * Reads a line that {@code census tag} wrote, in one streaming pass (no JSON tree), for roll-ups
 * that read tagged files many times: about four times cheaper than {@link RecordParser#tree} plus
 * {@link TaggedRecordParser#parse}, which stay the reference. It reads the fixed output shape only:
 * on anything else (not a tagged record, a field of an unexpected type, a bad tag, malformed JSON)
 * it answers null and the caller takes the general path, which gives the same result for
 * well-formed records and the same error messages for bad ones. Times in the canonical form are
 * read by {@link CanonicalInstant}, others by {@link RecordParser#time}.
 *
 * <p>Thread-safe: the JSON factory is shared, each call has its own parser.
 */
public final class TaggedLineReader {
    private final JsonFactory json;

    /** Creates a reader with the record parser's limits. */
    public TaggedLineReader() {
        this.json = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(InputFiles.MAX_LINE_BYTES).maxNestingDepth(200).build()).build();
    }

    /** Thrown inside to leave for the general path; never escapes. */
    private static final class NotCanonical extends Exception {
        private static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super(null, null, false, false);
        }
    }

    /**
     * @param line one JSON line
     * @param defaultId the id when the record has none (its line number)
     * @return the tagged request, or null when the line is not a well-formed tagged record of the
     *         canonical shape (the general path decides what it is)
     */
    public TaggedRequest read(String line, String defaultId) {
        try (JsonParser p = json.createParser(line)) {
            return read(p, defaultId);
        } catch (IOException | NotCanonical | RuntimeException e) {
            return null;
        }
    }

    private TaggedRequest read(JsonParser p, String defaultId) throws IOException, NotCanonical {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw NotCanonical.INSTANCE;
        }
        String id = defaultId;
        String lang = "und";
        Map<String, List<Tag>> tags = null;
        String model = null;
        Instant created = null;
        String user = null;
        Usage usage = null;
        String finish = null;
        int tools = 0;
        Double cost = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> id = scalarText(p, v, defaultId);
                case "lang" -> lang = scalarText(p, v, "und");
                case "tags" -> tags = tags(p, v);
                case "model" -> model = v == JsonToken.VALUE_NULL ? null : scalarText(p, v, null);
                case "created" -> created = v == JsonToken.VALUE_NULL ? null : time(p, v);
                case "user" -> user = v == JsonToken.VALUE_NULL ? null : scalarText(p, v, null);
                case "usage" -> usage = usage(p, v);
                case "finish_reason" -> finish = v == JsonToken.VALUE_NULL ? null : scalarText(p, v, null);
                case "tools" -> tools = tools(p, v);
                case "cost_usd" -> cost = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : null;
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT || p.nextToken() != null || tags == null) {
            throw NotCanonical.INSTANCE;
        }
        Request.Builder b = Request.builder(id).model(model).created(created).user(user).finishReason(finish).toolCount(tools)
                .costUsd(cost);
        if (usage != null) {
            b.usage(usage);
        }
        List<TagSet> sets = new ArrayList<>(tags.size());
        tags.forEach((taxonomy, list) -> sets.add(new TagSet(taxonomy, list)));
        return new TaggedRequest(b.build(), lang, sets, List.of());
    }

    /** A string or a number, as the tree's {@code asText} gives it; anything else leaves for the general path. */
    private static String scalarText(JsonParser p, JsonToken v, String ifNull) throws IOException, NotCanonical {
        return switch (v) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? notCanonical() : Long.toString(p.getLongValue());
            case VALUE_NULL -> ifNull;
            default -> notCanonical();
        };
    }

    private static <T> T notCanonical() throws NotCanonical {
        throw NotCanonical.INSTANCE;
    }

    private static Instant time(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        switch (v) {
            case VALUE_STRING -> {
                String s = p.getText();
                Instant fast = CanonicalInstant.parse(s);
                return fast != null ? fast : RecordParser.time(TextNode.valueOf(s), "created");
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw NotCanonical.INSTANCE;
                }
                return RecordParser.time(LongNode.valueOf(p.getLongValue()), "created");
            }
            case VALUE_NUMBER_FLOAT -> {
                return RecordParser.time(DoubleNode.valueOf(p.getDoubleValue()), "created");
            }
            default -> throw NotCanonical.INSTANCE;
        }
    }

    private static Map<String, List<Tag>> tags(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v != JsonToken.START_OBJECT) {
            throw NotCanonical.INSTANCE;
        }
        Map<String, List<Tag>> out = new LinkedHashMap<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String taxonomy = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw NotCanonical.INSTANCE;
            }
            List<Tag> list = new ArrayList<>(2);
            JsonToken e;
            while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
                list.add(tag(p));
            }
            if (e != JsonToken.END_ARRAY) {
                throw NotCanonical.INSTANCE;
            }
            out.put(taxonomy, list);
        }
        return out;
    }

    private static Tag tag(JsonParser p) throws IOException, NotCanonical {
        String id = null;
        double score = Double.NaN;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("id")) {
                id = v == JsonToken.VALUE_STRING ? p.getText() : notCanonical();
            } else if (name.equals("score")) {
                if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
                    throw NotCanonical.INSTANCE;
                }
                score = p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
        if (id == null || !(score >= 0 && score <= 1)) {
            throw NotCanonical.INSTANCE;
        }
        return Tag.of(id, score);
    }

    private static Usage usage(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null; // the general path ignores a usage that is not an object
        }
        Long prompt = null;
        Long completion = null;
        Long reasoning = null;
        Long cached = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken c = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = count(p, c);
                case "completion_tokens" -> completion = count(p, c);
                case "reasoning_tokens" -> reasoning = count(p, c);
                case "cached_tokens" -> cached = count(p, c);
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, reasoning, cached);
    }

    private static Long count(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
            return null; // the tree's canConvertToLong is false for these
        }
        throw NotCanonical.INSTANCE; // floats, objects, arrays: the general path's rules
    }

    private static int tools(JsonParser p, JsonToken v) throws IOException, NotCanonical {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
            return 0;
        }
        throw NotCanonical.INSTANCE;
    }
}
