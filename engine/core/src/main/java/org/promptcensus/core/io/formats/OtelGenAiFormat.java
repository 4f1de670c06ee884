package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenTelemetry GenAI spans exported as OTLP JSON ({@code {resourceSpans: [{resource, scopeSpans:
 * [{scope, spans: [...]}]}]}}, one export per line as the collector's file exporter writes them, or
 * one document). One request per span that is a model call ({@code gen_ai.operation.name} chat,
 * generate_content or text_completion; OpenInference {@code openinference.span.kind} LLM); agent,
 * tool and embedding spans are not requests. Typed attribute values ({@code {"intValue": "40"}})
 * are unwrapped; the attributes are read by the current and legacy conventions (see {@link GenAi}),
 * including the prompt events. The time is the span's start. Langfuse exports of OTel-ingested spans
 * ({@code {trace, observations}}, as the pydantic-ai sample) are read as {@link LangfuseFormat}
 * reads them. Content attributes are opt-in: spans without them are metadata-only requests.
 */
public final class OtelGenAiFormat extends JsonFormat {
    @Override
    public String name() {
        return "otel-genai";
    }

    @Override
    public String description() {
        return "OpenTelemetry GenAI spans as OTLP JSON (gen_ai.* attributes, current and legacy)";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        if (f.has("resourceSpans") || f.has("resource_spans")) {
            return 0.95;
        }
        if (f.has("scopeSpans") || (f.path("spans").isArray() && f.path("spans").path(0).has("spanId"))) {
            return 0.9;
        }
        if (f.has("trace") && head.contains("gen_ai.")) {
            return 0.3; // a Langfuse export of OTel spans: Langfuse's format is the better guess
        }
        return 0;
    }

    @Override
    void convert(JsonNode node, Out out) {
        if (node.has("trace") || node.path("observations").isArray()) {
            LangfuseFormat.document(node, out);
            return;
        }
        JsonNode resourceSpans = Json.first(node.get("resourceSpans"), node.get("resource_spans"));
        if (resourceSpans.isArray()) {
            int r = 0;
            for (JsonNode rs : resourceSpans) {
                String rp = "resourceSpans[" + r++ + "]";
                JsonNode resourceAttrs = attributes(rs.path("resource").get("attributes"), rp + ".resource.attributes");
                JsonNode scopes = Json.first(rs.get("scopeSpans"), rs.get("scope_spans"), rs.get("instrumentationLibrarySpans"));
                scopeSpans(scopes, resourceAttrs, rp + ".scopeSpans", out);
            }
        } else if (node.has("scopeSpans")) {
            scopeSpans(node.get("scopeSpans"), JsonNodeFactory.instance.objectNode(), "scopeSpans", out);
        } else if (node.path("spans").isArray()) {
            spans(node.get("spans"), JsonNodeFactory.instance.objectNode(), "spans", out);
        } else {
            out.fail("not OTLP JSON: expected 'resourceSpans'");
        }
    }

    private static void scopeSpans(JsonNode scopes, JsonNode resourceAttrs, String path, Out out) {
        if (!scopes.isArray()) {
            return;
        }
        int s = 0;
        for (JsonNode ss : scopes) {
            spans(ss.path("spans"), resourceAttrs, path + "[" + s++ + "].spans", out);
        }
    }

    private static void spans(JsonNode spans, JsonNode resourceAttrs, String path, Out out) {
        if (!spans.isArray()) {
            return;
        }
        int i = 0;
        for (JsonNode span : spans) {
            String sp = path + "[" + i++ + "]";
            out.each(() -> span(span, resourceAttrs, sp));
        }
    }

    private static Draft span(JsonNode span, JsonNode resourceAttrs, String path) {
        JsonNode attrs = attributes(span.get("attributes"), path + ".attributes");
        if (!GenAi.isLlmCall(attrs)) {
            return null;
        }
        List<GenAi.Event> events = new ArrayList<>();
        int e = 0;
        for (JsonNode ev : span.path("events")) {
            events.add(new GenAi.Event(Json.str(ev.get("name")) == null ? "" : ev.get("name").asText(),
                    attributes(ev.get("attributes"), path + ".events[" + e + "].attributes"), anyValue(ev.get("body"))));
            e++;
        }
        Draft d = new Draft();
        d.id(Json.str(span.get("spanId")));
        d.id(Json.str(span.get("span_id")));
        d.created(Json.time(Json.first(span.get("startTimeUnixNano"), span.get("start_time_unix_nano")), path + ".startTimeUnixNano"));
        d.created(Json.time(span.get("endTimeUnixNano"), path + ".endTimeUnixNano"));
        GenAi.read(attrs, events, path + ".attributes", d);
        d.user(Json.str(resourceAttrs.get("user.id")));
        d.user(Json.str(resourceAttrs.get("enduser.id")));
        d.id(Json.str(attrs.get("gen_ai.response.id")));
        return d;
    }

    /**
     * @param v OTLP attributes ({@code [{key, value: {stringValue|intValue|...}}]}) or a plain object
     * @param path their path
     * @return a flat object of name to plain value
     */
    static JsonNode attributes(JsonNode v, String path) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (v == null || v.isNull() || v.isMissingNode()) {
            return out;
        }
        if (v.isObject()) {
            return v;
        }
        if (!v.isArray()) {
            throw Json.bad(path, "expected a list of attributes");
        }
        for (JsonNode kv : v) {
            String key = Json.str(kv.get("key"));
            if (key != null) {
                out.set(key, anyValue(kv.get("value")));
            }
        }
        return out;
    }

    /** Unwraps an OTLP AnyValue into a plain JSON value. */
    static JsonNode anyValue(JsonNode v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null || v.isNull() || v.isMissingNode()) {
            return f.nullNode();
        }
        if (!v.isObject()) {
            return v;
        }
        if (v.has("stringValue")) {
            return v.get("stringValue");
        }
        if (v.has("intValue")) {
            return v.get("intValue"); // a string in OTLP/JSON; counts read strings
        }
        if (v.has("doubleValue")) {
            return v.get("doubleValue");
        }
        if (v.has("boolValue")) {
            return v.get("boolValue");
        }
        if (v.has("bytesValue")) {
            return v.get("bytesValue");
        }
        if (v.has("arrayValue")) {
            ArrayNode a = f.arrayNode();
            for (JsonNode e : v.path("arrayValue").path("values")) {
                a.add(anyValue(e));
            }
            return a;
        }
        if (v.has("kvlistValue")) {
            ObjectNode o = f.objectNode();
            for (JsonNode kv : v.path("kvlistValue").path("values")) {
                String key = Json.str(kv.get("key"));
                if (key != null) {
                    o.set(key, anyValue(kv.get("value")));
                }
            }
            return o;
        }
        return v.isEmpty() ? f.nullNode() : v;
    }
}
