package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Gemini / Vertex AI {@code generateContent}: request bodies ({@code contents[].parts},
 * {@code systemInstruction}, {@code tools[].functionDeclarations}), response bodies
 * ({@code candidates[].finishReason}, {@code modelVersion}, {@code usageMetadata} with
 * {@code thoughtsTokenCount}), records holding both ({@code {request, response}}, as Vertex batch
 * prediction writes its output), and Gemini API batch files joined by {@code key}. camelCase (REST)
 * and snake_case (Python SDK, with {@code finish_reason} as the enum's number) both read. The
 * model is the record's {@code model}, the body's, or the response's {@code modelVersion};
 * resource paths ({@code projects/.../models/gemini-2.5-flash}) are cut to the model's name. A
 * response alone is a metadata-only request. Thinking tokens count as completion and reasoning.
 */
public final class GeminiFormat extends JoinFormat {
    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public String description() {
        return "Gemini / Vertex generateContent request and response bodies, batch files joined by key";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        if (isGeminiBody(f) || isGeminiBody(f.path("request")) || isGeminiBody(f.path("response"))) {
            return 0.9;
        }
        return 0;
    }

    private static boolean isGeminiBody(JsonNode b) {
        return b.isObject() && Head.count(b, "contents", "candidates", "usageMetadata", "usage_metadata", "systemInstruction",
                "system_instruction", "modelVersion", "promptFeedback") > 0 && !b.has("messages");
    }

    @Override
    Kind kind(Head head) {
        JsonNode f = head.firstObject();
        return f.has("key") && f.has("response") && !f.has("request") ? Kind.RESULTS : Kind.REQUESTS;
    }

    @Override
    String key(JsonNode node, Kind kind) {
        return Json.str(node.get("key"));
    }

    @Override
    boolean request(JsonNode n, String path, Draft d) {
        d.id(Json.str(n.get("key")));
        d.id(Json.str(n.get("id")));
        d.model(Json.str(n.get("model")));
        d.user(Json.str(n.get("user")));
        for (String f : new String[] {"created", "timestamp", "createTime", "processed_time"}) {
            if (n.has(f) && !n.get(f).isObject()) {
                d.created(Json.time(n.get(f), f));
            }
        }
        if (n.has("request") || n.has("response")) {
            Bodies.request(n.get("request"), "request", d);
            result(n, path, d);
        } else if (n.has("contents")) {
            Bodies.request(n, "", d);
        } else {
            d.id(Json.str(n.get("responseId")));
            d.id(Json.str(n.get("response_id")));
            Bodies.response(n, "", d);
        }
        return true;
    }

    @Override
    void result(JsonNode n, String path, Draft d) {
        d.id(Json.str(n.get("key")));
        JsonNode response = Json.decode(n.get("response"));
        d.id(Json.str(response.get("responseId")));
        Bodies.response(response, "response", d);
        String status = Json.str(n.get("status"));
        if (!Json.absent(n.get("error")) || (status != null && !status.isBlank() && !status.equalsIgnoreCase("ok"))) {
            d.finishReason("error");
        }
    }
}
