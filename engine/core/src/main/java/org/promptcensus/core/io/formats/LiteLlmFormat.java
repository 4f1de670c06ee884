package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.promptcensus.api.Message;

/**
 * LiteLLM: the {@code StandardLoggingPayload} every callback receives (S3, GCS, Pub/Sub, custom
 * loggers) and {@code LiteLLM_SpendLogs} rows (the proxy's per-request table, JSON columns
 * serialised as strings). One object per line, a JSON array, or a single object.
 *
 * <p>Spend-log rows carry no prompt unless the proxy stores prompts
 * ({@code store_prompts_in_spend_logs}); such rows, and payloads whose messages were redacted,
 * become metadata-only requests.
 */
public final class LiteLlmFormat extends JsonFormat {
    private static final String REDACTED = "redacted-by-litellm";

    @Override
    public String name() {
        return "litellm";
    }

    @Override
    public String description() {
        return "LiteLLM StandardLoggingPayload objects and LiteLLM_SpendLogs rows";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        if (f.has("startTime") && Head.count(f, "spend", "request_id", "api_key", "cache_hit", "cache_key", "model_group",
                "call_type", "response_cost", "hidden_params", "model_parameters", "custom_llm_provider", "end_user") > 0) {
            return 0.9;
        }
        if (Head.count(f, "response_cost", "hidden_params", "model_parameters", "litellm_call_id") > 0
                && Head.count(f, "model", "messages") == 2) {
            return 0.85;
        }
        return 0;
    }

    @Override
    void convert(JsonNode n, Out out) {
        out.each(() -> {
            Draft d = new Draft();
            d.id(Json.str(n.get("id"))).id(Json.str(n.get("request_id"))).id(Json.str(n.get("litellm_call_id")));
            d.model(Json.strictStr(n.get("model"), "model"));
            d.model(Json.str(n.get("model_group")));
            d.model(Json.str(n.path("hidden_params").get("litellm_model_name")));
            d.created(Json.time(n.get("startTime"), "startTime"));
            JsonNode metadata = Json.decode(n.get("metadata"));
            d.user(Json.str(n.get("end_user")));
            d.user(Json.str(metadata.get("user_api_key_end_user_id")));
            d.user(Json.str(n.get("user")));
            d.user(Json.str(metadata.get("user_api_key_user_id")));

            JsonNode messages = Json.decode(n.get("messages"));
            JsonNode proxyRequest = Json.decode(n.get("proxy_server_request"));
            if (messages.isArray() && messages.size() > 0) {
                Messages.list(messages, "messages", d);
            } else if (messages.isObject() && messages.size() > 0) {
                Bodies.request(messages, "messages", d);
            } else if (messages.isTextual() && !messages.asText().isBlank()) {
                Messages.list(messages, "messages", d);
            } else if (proxyRequest.isObject() && proxyRequest.size() > 0) {
                Bodies.request(proxyRequest, "proxy_server_request", d);
            }
            if (d.messages.stream().map(Message::content).anyMatch(REDACTED::equals) && d.messages.stream().map(Message::content).allMatch(c -> c.equals(REDACTED) || c.isEmpty())) {
                d.messages.clear(); // message logging turned off: metadata only
            }
            d.tools(Bodies.tools(Json.decode(n.path("model_parameters").get("tools")), "model_parameters.tools"));
            if (proxyRequest.isObject()) {
                d.tools(Bodies.tools(proxyRequest.get("tools"), "proxy_server_request.tools"));
            }

            d.prompt(Json.count(n.get("prompt_tokens"), "prompt_tokens"));
            d.completion(Json.count(n.get("completion_tokens"), "completion_tokens"));
            Bodies.usage(metadata.get("usage_object"), "metadata.usage_object", d);
            d.cost(Json.money(n.get("spend"), "spend"));
            d.cost(Json.money(n.get("response_cost"), "response_cost"));
            Bodies.response(n.get("response"), "response", d);
            if ("failure".equals(Json.str(n.get("status")))) {
                d.finishReason("error");
            }
            return d;
        });
    }
}
