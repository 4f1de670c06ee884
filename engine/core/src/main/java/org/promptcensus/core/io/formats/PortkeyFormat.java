package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Portkey log exports (Logs Export, Admin API {@code /logs/exports}), JSON Lines with the selected
 * fields: {@code id, trace_id, created_at, request, response, is_success, ai_org, ai_model,
 * req_units, res_units, cost, cost_currency, response_status_code, metadata}. The request and
 * response are full bodies when selected (OpenAI-shaped, as Portkey's gateway speaks it); without
 * them a record is metadata only. The user is {@code metadata._user}. {@code cost} is documented in
 * cents: it is divided by 100 when the currency is USD or not given, and left out otherwise.
 */
public final class PortkeyFormat extends JsonFormat {
    @Override
    public String name() {
        return "portkey";
    }

    @Override
    public String description() {
        return "Portkey log exports (JSON Lines of the selected log fields)";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        return Head.count(f, "ai_model", "ai_org", "req_units", "res_units", "total_units", "cost_currency", "is_success",
                "response_status_code", "prompt_slug", "response_time") >= 2 ? 0.9 : 0;
    }

    @Override
    void convert(JsonNode n, Out out) {
        out.each(() -> {
            Draft d = new Draft();
            d.id(Json.str(n.get("id")));
            d.model(Json.str(n.get("ai_model")));
            d.created(Json.time(n.get("created_at"), "created_at"));
            JsonNode metadata = Json.decode(n.get("metadata"));
            d.user(Json.str(metadata.get("_user")));
            d.prompt(Json.count(n.get("req_units"), "req_units"));
            d.completion(Json.count(n.get("res_units"), "res_units"));
            String currency = Json.str(n.get("cost_currency"));
            Double cents = Json.money(n.get("cost"), "cost");
            if (cents != null && (currency == null || currency.equalsIgnoreCase("USD"))) {
                d.cost(cents / 100.0);
            }
            Bodies.request(n.get("request"), "request", d);
            Bodies.response(n.get("response"), "response", d);
            JsonNode success = n.get("is_success");
            Long status = Json.count(n.get("response_status_code"), "response_status_code");
            if ((success != null && success.isBoolean() && !success.asBoolean())
                    || "false".equals(Json.str(success)) || (status != null && status >= 400)) {
                d.finishReason("error");
            }
            return d;
        });
    }
}
