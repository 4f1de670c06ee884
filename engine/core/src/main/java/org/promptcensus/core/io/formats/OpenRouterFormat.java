package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.promptcensus.api.Role;

/**
 * OpenRouter generation records, as {@code GET /api/v1/generation?id=} returns them
 * ({@code {data: {id, model, created_at, tokens_prompt, native_tokens_prompt, ...,
 * total_cost, finish_reason, external_user}}}, or the {@code data} object alone), one per line or
 * in an array. The text is not part of the record: when Input &amp; Output Logging is on, the
 * answer of {@code GET /api/v1/generation/content?id=} may be added under {@code content}
 * ({@code {data: {input: {messages | prompt}, output}}}) or its {@code input} put beside the
 * metadata; without it a record is metadata only. Token counts are the provider's native counts
 * when given, else OpenRouter's normalised ones; the cost is {@code total_cost} (USD). Daily
 * activity rows (aggregates, not requests) are reported as unreadable.
 */
public final class OpenRouterFormat extends JsonFormat {
    @Override
    public String name() {
        return "openrouter";
    }

    @Override
    public String description() {
        return "OpenRouter generation records (GET /api/v1/generation), optionally with their content";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        JsonNode g = f.path("data").isObject() ? f.get("data") : f;
        if (Head.count(g, "tokens_prompt", "native_tokens_prompt", "native_tokens_completion", "native_tokens_reasoning",
                "generation_time", "upstream_inference_cost", "native_finish_reason") > 0) {
            return 0.9;
        }
        return 0;
    }

    @Override
    void convert(JsonNode node, Out out) {
        out.each(() -> {
            JsonNode g = node.path("data").isObject() ? node.get("data") : node;
            String gp = node.path("data").isObject() ? "data" : "";
            String pre = gp.isEmpty() ? "" : gp + ".";
            if (g.has("date") && g.has("requests") && !g.has("id")) {
                throw Json.bad(pre + "requests", "a daily activity aggregate, not a request: it cannot be counted per request");
            }
            Draft d = new Draft();
            d.id(Json.str(g.get("id")));
            d.model(Json.strictStr(g.get("model"), pre + "model"));
            d.created(Json.time(g.get("created_at"), pre + "created_at"));
            d.user(Json.str(g.get("external_user")));
            d.user(Json.str(g.get("user")));
            d.prompt(Json.count(g.get("native_tokens_prompt"), pre + "native_tokens_prompt"));
            d.prompt(Json.count(g.get("tokens_prompt"), pre + "tokens_prompt"));
            d.completion(Json.count(g.get("native_tokens_completion"), pre + "native_tokens_completion"));
            d.completion(Json.count(g.get("tokens_completion"), pre + "tokens_completion"));
            d.reasoning(Json.count(g.get("native_tokens_reasoning"), pre + "native_tokens_reasoning"));
            d.cached(Json.count(g.get("native_tokens_cached"), pre + "native_tokens_cached"));
            d.cost(Json.money(g.get("total_cost"), pre + "total_cost"));
            d.finishReason(Json.str(g.get("finish_reason")));
            d.finishReason(Json.str(g.get("native_finish_reason")));

            JsonNode content = Json.decode(node.get("content"));
            String cp = "content";
            if (content.path("data").isObject()) {
                content = content.get("data");
                cp = "content.data";
            }
            if (!content.isObject()) {
                content = g;
                cp = gp;
            }
            JsonNode input = Json.decode(content.get("input"));
            String ip = cp.isEmpty() ? "input" : cp + ".input";
            if (input.isObject()) {
                if (input.has("messages")) {
                    Messages.list(input.get("messages"), ip + ".messages", d);
                } else if (input.path("prompt").isTextual()) {
                    d.message(Role.USER, input.get("prompt").asText());
                }
            } else if (input.isArray() || input.isTextual()) {
                Messages.list(input, ip, d);
            }
            return d;
        });
    }
}
