package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.promptcensus.api.Role;

/**
 * Langfuse trace exports: {@code {trace, observations[]}} as the UI's "download trace" and the
 * public API write them, a trace with its {@code observations} inside, a page of observations
 * ({@code {data: [...]}}) or observation rows of the batch export. One request per observation of
 * type {@code GENERATION}; other observations (spans, agents, tools) are not requests.
 *
 * <p>{@code input}, {@code output} and {@code metadata} are often JSON inside strings and are
 * decoded. The input is read as an OpenAI message list, Responses API items, OTel GenAI messages,
 * a Gemini {@code {contents}} body or a {@code {prompt}}; the system prompt also comes from
 * {@code modelParameters.instructions}. Usage keys vary by integration ({@code usageDetails},
 * {@code usage}, {@code promptTokens}, {@code inputUsage}, OTel attributes); where the details
 * list cache and reasoning counts apart from input and output and the total shows it, they are
 * added back so that prompt and completion counts include them. For OTel-ingested spans the raw
 * attributes in {@code metadata.attributes} fill what the observation lacks (finish reasons,
 * reasoning tokens, cost).
 */
public final class LangfuseFormat extends JsonFormat {
    @Override
    public String name() {
        return "langfuse";
    }

    @Override
    public String description() {
        return "Langfuse trace exports {trace, observations[]}: one request per GENERATION observation";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        if (f.path("trace").isObject() && (f.has("observations") || f.path("trace").has("projectId"))) {
            return 0.95;
        }
        if (f.path("observations").isArray() && Head.count(f, "projectId", "timestamp", "userId", "sessionId") > 0) {
            return 0.9;
        }
        JsonNode o = f.path("data").isArray() ? f.path("data").path(0) : f;
        if (Head.count(o, "traceId", "type", "startTime") == 3
                && Head.count(o, "usageDetails", "usage", "promptTokens", "model", "modelParameters", "costDetails") > 0) {
            return 0.85;
        }
        return 0;
    }

    @Override
    void convert(JsonNode node, Out out) {
        document(node, out);
    }

    /**
     * Converts one Langfuse document (trace export, trace, page of observations or observation row).
     *
     * @param node the document
     * @param out receives one request per generation
     */
    static void document(JsonNode node, Out out) {
        if (node.has("trace") || node.path("observations").isArray()) {
            JsonNode trace = node.has("trace") ? Json.decode(node.get("trace")) : node;
            JsonNode observations = Json.decode(node.has("observations") ? node.get("observations") : trace.get("observations"));
            if (!observations.isArray()) {
                if (!Json.absent(observations)) {
                    out.fail("observations: expected a list, got " + observations.getNodeType().toString().toLowerCase());
                }
                return;
            }
            int i = 0;
            for (JsonNode o : observations) {
                String path = "observations[" + i++ + "]";
                if (isGeneration(o)) {
                    out.each(() -> observation(o, trace, path));
                }
            }
        } else if (node.path("data").isArray()) {
            int i = 0;
            for (JsonNode o : node.get("data")) {
                String path = "data[" + i++ + "]";
                if (isGeneration(o)) {
                    out.each(() -> observation(o, Json.orMissing(null), path));
                }
            }
        } else if (isGeneration(node)) {
            out.each(() -> observation(node, Json.orMissing(null), ""));
        } else if (!node.has("type")) {
            out.fail("not a Langfuse trace export: expected 'trace' and 'observations', or an observation");
        }
    }

    private static boolean isGeneration(JsonNode o) {
        return "GENERATION".equalsIgnoreCase(Json.str(o.get("type")));
    }

    private static String p(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static Draft observation(JsonNode o, JsonNode trace, String path) {
        Draft d = new Draft();
        JsonNode metadata = Json.decode(o.get("metadata"));
        JsonNode attrs = Json.decode(metadata.get("attributes"));
        if (!attrs.isObject()) {
            attrs = Json.MAPPER.createObjectNode();
        }
        d.id(Json.str(o.get("id")));
        d.model(Json.strictStr(o.get("model"), p(path, "model")));
        JsonNode params = Json.decode(o.get("modelParameters"));
        d.created(Json.time(o.get("startTime"), p(path, "startTime")));
        d.created(Json.time(trace.get("timestamp"), "trace.timestamp"));
        d.user(Json.str(trace.get("userId")));
        d.user(Json.str(o.get("userId")));

        JsonNode input = Json.decode(o.get("input"));
        String ip = p(path, "input");
        if (input.isArray() || input.isTextual()) {
            Messages.list(input, ip, d);
        } else if (input.isObject()) {
            if (input.has("messages") || input.has("contents") || input.has("input") || input.has("instructions")
                    || input.has("prompt")) {
                Bodies.request(input, ip, d);
            } else if (input.has("role")) {
                Messages.list(Json.MAPPER.createArrayNode().add(input), ip, d);
            } else if (input.path("text").isTextual()) {
                d.message(Role.USER, input.get("text").asText());
            } else if (input.size() > 0) {
                d.message(Role.USER, input.toString());
            }
        }
        JsonNode output = Json.decode(o.get("output"));
        if (d.hasMessages() && d.messages.stream().noneMatch(m -> m.role() == Role.SYSTEM)) {
            String instructions = Json.str(Json.first(params.get("instructions"),
                    output.isObject() ? output.get("instructions") : null));
            if (instructions != null) {
                d.messages.add(0, new org.promptcensus.api.Message(Role.SYSTEM, instructions));
            }
        }

        JsonNode toolDefs = Json.decode(o.get("toolDefinitions"));
        if ((toolDefs.isArray() || toolDefs.isObject()) && toolDefs.size() > 0) {
            d.tools(toolDefs.size());
        }
        if (input.isObject()) {
            Integer t = Bodies.tools(input.get("tools"), p(ip, "tools"));
            if (t != null && t > 0) {
                d.tools(t);
            }
        }
        if (output.isObject()) {
            Integer t = Bodies.tools(output.get("tools"), p(path, "output.tools"));
            if (t != null && t > 0) {
                d.tools(t);
            }
        }

        usage(o, path, d);
        d.cost(Json.money(o.get("totalCost"), p(path, "totalCost")));
        d.cost(Json.money(Json.decode(o.get("costDetails")).get("total"), p(path, "costDetails.total")));
        d.cost(Json.money(o.get("calculatedTotalCost"), p(path, "calculatedTotalCost")));

        if (output.isObject()) {
            d.finishReason(Json.str(output.get("finish_reason")));
            Bodies.response(output, p(path, "output"), d);
        } else if (output.isArray() && output.size() > 0) {
            d.finishReason(Json.str(output.get(0).get("finish_reason")));
        }
        GenAi.read(attrs, List.of(), p(path, "metadata.attributes"), d);
        d.model(Json.str(params.get("model")));
        return d;
    }

    /** Reads the usage, whichever keys the integration used. */
    private static void usage(JsonNode o, String path, Draft d) {
        JsonNode details = Json.decode(o.get("usageDetails"));
        String dp = p(path, "usageDetails");
        if (!details.isObject() || details.isEmpty()) {
            details = Json.decode(o.get("usage"));
            dp = p(path, "usage");
        }
        if (details.isObject() && !details.isEmpty()) {
            Long input = null;
            Long output = null;
            Long total = null;
            long inputParts = 0; // cache reads and writes, audio, ... when listed apart from "input"
            long reasoning = 0;
            boolean anyReasoning = false;
            Long cacheRead = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                String lk = k.toLowerCase(Locale.ROOT);
                if (lk.equals("unit")) {
                    continue;
                }
                Long v = Json.count(e.getValue(), dp + "." + k);
                if (v == null) {
                    continue;
                }
                switch (lk) {
                    case "input", "prompttokens", "prompt_tokens", "input_tokens" -> input = input == null ? v : input;
                    case "output", "completiontokens", "completion_tokens", "output_tokens" -> output = output == null ? v : output;
                    case "total", "totaltokens", "total_tokens" -> total = total == null ? v : total;
                    default -> {
                        if (lk.contains("reasoning") || lk.contains("thought")) {
                            reasoning += v;
                            anyReasoning = true;
                        } else if (lk.startsWith("input") || lk.startsWith("prompt") || lk.contains("cache")) {
                            inputParts += v;
                            if (lk.contains("cache") && (lk.contains("read") || lk.contains("cached"))) {
                                cacheRead = (cacheRead == null ? 0 : cacheRead) + v;
                            }
                        }
                    }
                }
            }
            boolean apart = total != null && input != null && output != null && inputParts + reasoning > 0
                    && input + output + inputParts + reasoning == total;
            d.prompt(input == null ? null : apart ? input + inputParts : input);
            d.completion(output == null ? null : apart ? output + reasoning : output);
            d.reasoning(anyReasoning ? reasoning : null);
            d.cached(cacheRead);
        }
        d.prompt(Json.count(o.get("promptTokens"), p(path, "promptTokens")));
        d.completion(Json.count(o.get("completionTokens"), p(path, "completionTokens")));
        d.prompt(Json.count(o.get("inputUsage"), p(path, "inputUsage")));
        d.completion(Json.count(o.get("outputUsage"), p(path, "outputUsage")));
    }
}
