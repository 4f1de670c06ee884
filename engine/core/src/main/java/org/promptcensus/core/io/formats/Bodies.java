package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.promptcensus.api.Role;

/**
 * Reads provider-native request and response bodies into a {@link Draft}: OpenAI chat completions
 * and Responses API, Anthropic Messages, and Gemini / Vertex {@code generateContent} (camelCase as
 * the REST API writes it, snake_case as the Python SDK does).
 */
final class Bodies {
    private static final String[] GEMINI_FINISH = {"FINISH_REASON_UNSPECIFIED", "STOP", "MAX_TOKENS", "SAFETY",
        "RECITATION", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "MALFORMED_FUNCTION_CALL", "IMAGE_SAFETY",
        "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS"};

    private Bodies() {
    }

    /** @return the path as a prefix for a field: empty, or the path and a dot */
    static String pre(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    /**
     * Reads a request body of any provider: its messages, system prompt, tools, model and user.
     *
     * @param v the body (an object, or JSON inside a string)
     * @param path its path
     * @param d the draft
     */
    static void request(JsonNode v, String path, Draft d) {
        JsonNode body = Json.decode(v);
        if (Json.absent(body)) {
            return;
        }
        if (!body.isObject()) {
            throw Json.bad(path, "expected a request object, got " + body.getNodeType().toString().toLowerCase());
        }
        d.model(Json.strictStr(body.get("model"), pre(path) + "model"));
        d.user(Json.str(body.get("user")));
        d.user(Json.str(body.get("safety_identifier")));
        d.user(Json.str(Json.decode(body.get("metadata")).path("user_id")));
        if (body.has("contents")) {
            Messages.system(Json.first(body.get("systemInstruction"), body.get("system_instruction")), pre(path) + "systemInstruction", d);
            Messages.list(body.get("contents"), pre(path) + "contents", d);
            JsonNode config = Json.first(body.get("config"), body.get("generationConfig"), body.get("generation_config"));
            Messages.system(Json.first(config.get("systemInstruction"), config.get("system_instruction")), pre(path) + "config.systemInstruction", d);
            d.tools(tools(Json.first(body.get("tools"), config.get("tools")), pre(path) + "tools"));
        } else if (body.has("messages")) {
            Messages.system(body.get("system"), pre(path) + "system", d);
            Messages.list(body.get("messages"), pre(path) + "messages", d);
            d.tools(tools(Json.first(body.get("tools"), body.get("functions")), pre(path) + "tools"));
        } else if (body.has("input") || body.has("instructions")) {
            Messages.system(body.get("instructions"), pre(path) + "instructions", d);
            Messages.list(body.get("input"), pre(path) + "input", d);
            d.tools(tools(body.get("tools"), pre(path) + "tools"));
        } else if (body.has("prompt")) {
            JsonNode p = body.get("prompt");
            if (p.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode e : p) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(e.asText());
                }
                d.message(Role.USER, sb.toString());
            } else if (p.isTextual()) {
                d.message(Role.USER, p.asText());
            } else {
                throw Json.bad(pre(path) + "prompt", "expected a string or a list of strings");
            }
        }
    }

    /**
     * Counts the tools offered: OpenAI / Anthropic tool lists count one per entry; Gemini tools
     * count their function declarations.
     *
     * @param v the tools value
     * @param path its path
     * @return the count, or null when there is no tools value
     */
    static Integer tools(JsonNode v, String path) {
        JsonNode t = Json.decode(v);
        if (Json.absent(t)) {
            return null;
        }
        if (t.isObject()) {
            return t.size(); // a map of tool name -> definition
        }
        if (!t.isArray()) {
            throw Json.bad(path, "expected a list of tools, got " + t.getNodeType().toString().toLowerCase());
        }
        int n = 0;
        for (JsonNode e : t) {
            JsonNode decls = Json.first(e.get("functionDeclarations"), e.get("function_declarations"));
            n += decls.isArray() ? decls.size() : 1;
        }
        return n;
    }

    /**
     * Reads a response body of any provider: model, time, finish reason and usage.
     *
     * @param v the body (an object, or JSON inside a string)
     * @param path its path
     * @param d the draft
     */
    static void response(JsonNode v, String path, Draft d) {
        JsonNode body = Json.decode(v);
        if (Json.absent(body) || !body.isObject()) {
            return;
        }
        JsonNode choices = body.path("choices");
        if (choices.isArray() && choices.size() > 0) {
            d.finishReason(Json.strictStr(choices.get(0).get("finish_reason"), pre(path) + "choices[0].finish_reason"));
        }
        d.finishReason(Json.strictStr(body.get("stop_reason"), pre(path) + "stop_reason"));
        JsonNode candidates = body.path("candidates");
        if (candidates.isArray() && candidates.size() > 0) {
            JsonNode c = candidates.get(0);
            d.finishReason(geminiFinish(Json.first(c.get("finishReason"), c.get("finish_reason"))));
        }
        if (body.has("status") && (body.has("output") || "response".equals(Json.str(body.get("object"))))) {
            String status = Json.str(body.get("status"));
            String reason = Json.str(body.path("incomplete_details").path("reason"));
            d.finishReason("incomplete".equals(status) && reason != null ? reason : status);
        }
        d.model(Json.strictStr(Json.first(body.get("modelVersion"), body.get("model_version")), pre(path) + "modelVersion"));
        d.model(Json.strictStr(body.get("model"), pre(path) + "model"));
        if (body.has("created")) {
            d.created(Json.time(body.get("created"), pre(path) + "created"));
        } else if (body.has("created_at")) {
            d.created(Json.time(body.get("created_at"), pre(path) + "created_at"));
        } else if (body.has("createTime")) {
            d.created(Json.time(body.get("createTime"), pre(path) + "createTime"));
        }
        if (body.has("usage")) {
            usage(body.get("usage"), pre(path) + "usage", d);
        }
        JsonNode um = Json.first(body.get("usageMetadata"), body.get("usage_metadata"));
        if (!um.isMissingNode()) {
            geminiUsage(um, path + (body.has("usageMetadata") ? ".usageMetadata" : ".usage_metadata"), d);
        }
    }

    /**
     * Reads an OpenAI chat, OpenAI Responses or Anthropic usage object. Anthropic's
     * {@code input_tokens} leaves out cached input; the prompt count here includes cache reads and
     * writes, as OpenAI's does, and the cached count is the cache reads.
     *
     * @param v the usage object
     * @param path its path
     * @param d the draft
     */
    static void usage(JsonNode v, String path, Draft d) {
        JsonNode u = Json.decode(v);
        if (Json.absent(u)) {
            return;
        }
        if (!u.isObject()) {
            throw Json.bad(path, "expected an object, got " + u.getNodeType().toString().toLowerCase());
        }
        Long cacheRead = Json.count(u.get("cache_read_input_tokens"), pre(path) + "cache_read_input_tokens");
        Long cacheWrite = Json.count(u.get("cache_creation_input_tokens"), pre(path) + "cache_creation_input_tokens");
        Long prompt = Json.count(u.get("prompt_tokens"), pre(path) + "prompt_tokens");
        if (prompt == null) {
            Long input = Json.count(u.get("input_tokens"), pre(path) + "input_tokens");
            if (input != null && (cacheRead != null || cacheWrite != null)) {
                input += (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite);
            }
            prompt = input;
        }
        d.prompt(prompt);
        d.completion(Json.count(Json.first(u.get("completion_tokens"), u.get("output_tokens")), pre(path) + "completion_tokens"));
        d.reasoning(Json.count(u.get("reasoning_tokens"), pre(path) + "reasoning_tokens"));
        d.reasoning(Json.count(u.path("completion_tokens_details").get("reasoning_tokens"), pre(path) + "completion_tokens_details.reasoning_tokens"));
        d.reasoning(Json.count(u.path("output_tokens_details").get("reasoning_tokens"), pre(path) + "output_tokens_details.reasoning_tokens"));
        d.cached(Json.count(u.get("cached_tokens"), pre(path) + "cached_tokens"));
        d.cached(Json.count(u.path("prompt_tokens_details").get("cached_tokens"), pre(path) + "prompt_tokens_details.cached_tokens"));
        d.cached(Json.count(u.path("input_tokens_details").get("cached_tokens"), pre(path) + "input_tokens_details.cached_tokens"));
        d.cached(cacheRead);
    }

    /**
     * Reads Gemini's {@code usageMetadata}. Gemini counts thinking tokens apart from the candidates;
     * the completion count here includes them, as OpenAI's does, and they are the reasoning count.
     *
     * @param v the usage metadata
     * @param path its path
     * @param d the draft
     */
    static void geminiUsage(JsonNode v, String path, Draft d) {
        JsonNode u = Json.decode(v);
        if (Json.absent(u)) {
            return;
        }
        if (!u.isObject()) {
            throw Json.bad(path, "expected an object, got " + u.getNodeType().toString().toLowerCase());
        }
        Long prompt = Json.count(Json.first(u.get("promptTokenCount"), u.get("prompt_token_count")), pre(path) + "promptTokenCount");
        Long candidates = Json.count(Json.first(u.get("candidatesTokenCount"), u.get("candidates_token_count")), pre(path) + "candidatesTokenCount");
        Long thoughts = Json.count(Json.first(u.get("thoughtsTokenCount"), u.get("thoughts_token_count")), pre(path) + "thoughtsTokenCount");
        Long cached = Json.count(Json.first(u.get("cachedContentTokenCount"), u.get("cached_content_token_count")), pre(path) + "cachedContentTokenCount");
        d.prompt(prompt);
        if (candidates != null || thoughts != null) {
            d.completion((candidates == null ? 0 : candidates) + (thoughts == null ? 0 : thoughts));
        }
        d.reasoning(thoughts);
        d.cached(cached);
    }

    /**
     * @param v a Gemini finish reason: a name, {@code FinishReason.STOP}, or the enum's number
     * @return its name, or null
     */
    static String geminiFinish(JsonNode v) {
        if (Json.absent(v)) {
            return null;
        }
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().trim().matches("\\d+"))) {
            int i = Integer.parseInt(v.asText().trim());
            return i >= 0 && i < GEMINI_FINISH.length ? GEMINI_FINISH[i] : String.valueOf(i);
        }
        String s = Json.str(v);
        return s == null ? null : s.startsWith("FinishReason.") ? s.substring("FinishReason.".length()) : s;
    }
}
