package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic Messages: request bodies ({@code model}, {@code system} as a string or text blocks,
 * {@code messages} with content blocks, {@code tools}, {@code metadata.user_id}), request/response
 * pairs ({@code {request, response}}), bare responses (metadata only), and Message Batches:
 * request lines {@code {custom_id, params}} joined with result lines
 * {@code {custom_id, result: {type, message}}} by {@code custom_id}. Tool results in user turns
 * become tool messages; thinking and tool-use blocks are left out. Batch results carry no
 * timestamp; a result that is not {@code succeeded} gives its type as the finish reason.
 */
public final class AnthropicFormat extends JoinFormat {
    /** The fields of a Messages request (and of the record around it). */
    private static final java.util.Set<String> REQUEST_KEYS = java.util.Set.of("model", "max_tokens", "messages", "system",
            "tools", "tool_choice", "metadata", "stop_sequences", "stream", "temperature", "top_k", "top_p", "thinking",
            "anthropic_version", "anthropic_beta", "service_tier", "container", "mcp_servers", "context_management",
            "id", "created", "created_at", "timestamp", "user", "request_id");
    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String description() {
        return "Anthropic Messages request bodies, and Message Batches requests joined with results by custom_id";
    }

    @Override
    public double sniff(String head) {
        Head h = Head.of(head);
        JsonNode f = h.firstObject();
        if (f.has("custom_id") && (f.path("params").isObject() || f.path("result").has("type"))) {
            return 0.95;
        }
        if ("message".equals(Json.str(f.get("type"))) && f.has("stop_reason")) {
            return 0.9;
        }
        JsonNode body = f.path("request").isObject() ? f.get("request") : f;
        if ("message".equals(Json.str(f.path("response").get("type")))) {
            return 0.9;
        }
        if (!body.has("messages") || body.has("contents")) {
            return 0;
        }
        for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            if (!REQUEST_KEYS.contains(it.next())) {
                return 0; // another tool's record that holds messages
            }
        }
        String model = Json.str(body.get("model"));
        if (body.has("anthropic_version") || (model != null && model.startsWith("claude")) || body.path("system").isArray()
                || head.contains("\"tool_use\"") || head.contains("\"tool_result\"") || head.contains("\"cache_control\"")) {
            return 0.85;
        }
        return body.has("system") ? 0.4 : 0;
    }

    @Override
    Kind kind(Head head) {
        JsonNode f = head.firstObject();
        return f.has("custom_id") && f.has("result") && !f.has("params") ? Kind.RESULTS : Kind.REQUESTS;
    }

    @Override
    String key(JsonNode node, Kind kind) {
        return Json.str(node.get("custom_id"));
    }

    @Override
    boolean request(JsonNode n, String path, Draft d) {
        if (n.has("custom_id") && n.has("result") && !n.has("params")) {
            result(n, path, d);
            return true;
        }
        d.id(Json.str(n.get("custom_id")));
        d.id(Json.str(n.get("request_id")));
        if (n.has("params")) {
            Bodies.request(n.get("params"), "params", d);
        } else if (n.has("request") || n.has("response")) {
            d.id(Json.str(n.get("id")));
            Bodies.request(n.get("request"), "request", d);
            Bodies.response(n.get("response"), "response", d);
        } else if ("message".equals(Json.str(n.get("type")))) {
            d.id(Json.str(n.get("id")));
            Bodies.response(n, "", d); // a response alone: metadata only
        } else {
            d.id(Json.str(n.get("id")));
            Bodies.request(n, "", d);
        }
        for (String f : new String[] {"created", "created_at", "timestamp"}) {
            if (n.has(f) && !(n.get(f).isObject())) {
                d.created(Json.time(n.get(f), f));
            }
        }
        d.user(Json.str(n.get("user")));
        return true;
    }

    @Override
    void result(JsonNode n, String path, Draft d) {
        d.id(Json.str(n.get("custom_id")));
        JsonNode result = n.path("result");
        String type = Json.str(result.get("type"));
        if (type != null && !type.equals("succeeded")) {
            d.finishReason(type);
        }
        Bodies.response(result.get("message"), "result.message", d);
    }
}
