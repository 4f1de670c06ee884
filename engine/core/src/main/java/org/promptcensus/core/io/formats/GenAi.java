package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.promptcensus.api.Role;

/**
 * Reads the span attributes of LLM calls: the OpenTelemetry GenAI semantic conventions, current
 * ({@code gen_ai.input.messages}, {@code gen_ai.usage.input_tokens}, ...) and legacy
 * ({@code gen_ai.prompt.0.content}, {@code gen_ai.usage.prompt_tokens}, the per-message events),
 * and OpenInference's {@code llm.*} attributes, which several exporters use instead.
 * Attributes are a flat object of name to plain value.
 */
final class GenAi {
    private static final Set<String> LLM_OPERATIONS = Set.of("chat", "generate_content", "text_completion", "completion",
            "responses");
    private static final Pattern TOOL_INDEX = Pattern.compile("^(?:llm\\.tools|llm\\.request\\.functions|gen_ai\\.request\\.functions)\\.(\\d+)\\..*");

    /**
     * A span event.
     *
     * @param name its name
     * @param attributes its attributes, flat
     * @param body its body (log-based events), or missing
     */
    record Event(String name, JsonNode attributes, JsonNode body) {
    }

    private GenAi() {
    }

    private static JsonNode a(JsonNode attrs, String key) {
        return Json.orMissing(attrs.get(key));
    }

    /**
     * @param attrs a span's attributes
     * @return true when the span is a call to a model (not an agent, tool or embedding span)
     */
    static boolean isLlmCall(JsonNode attrs) {
        String op = Json.str(a(attrs, "gen_ai.operation.name"));
        if (op != null) {
            return LLM_OPERATIONS.contains(op);
        }
        String kind = Json.str(a(attrs, "openinference.span.kind"));
        if (kind != null) {
            return kind.equalsIgnoreCase("LLM");
        }
        String type = Json.str(a(attrs, "llm.request.type"));
        if (type != null) {
            return type.equals("chat") || type.equals("completion");
        }
        return Json.str(a(attrs, "gen_ai.request.model")) != null || Json.str(a(attrs, "gen_ai.response.model")) != null;
    }

    /**
     * @param attrs a span's attributes
     * @return true when they hold any GenAI or OpenInference attribute
     */
    static boolean hasGenAi(JsonNode attrs) {
        for (Iterator<String> it = attrs.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.startsWith("gen_ai.") || k.startsWith("llm.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads model, user, usage, finish reason, tools, cost and (when asked and none were read
     * yet) the messages.
     *
     * @param attrs the attributes
     * @param events the span's events
     * @param path the attributes' path
     * @param d the draft
     */
    static void read(JsonNode attrs, List<Event> events, String path, Draft d) {
        String p = path.isEmpty() ? "" : path + ".";
        d.model(Json.str(a(attrs, "gen_ai.request.model")));
        d.model(Json.str(a(attrs, "gen_ai.response.model")));
        d.model(Json.str(a(attrs, "llm.model_name")));
        d.user(Json.str(a(attrs, "user.id")));
        d.user(Json.str(a(attrs, "enduser.id")));
        d.user(Json.str(a(attrs, "langfuse.user.id")));
        d.user(Json.str(a(attrs, "gen_ai.user.id")));

        d.prompt(count(attrs, p, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt",
                "llm.usage.prompt_tokens"));
        d.completion(count(attrs, p, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
                "llm.token_count.completion", "llm.usage.completion_tokens"));
        d.reasoning(count(attrs, p, "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
                "gen_ai.usage.details.thoughts_tokens", "gen_ai.usage.details.reasoning_tokens",
                "llm.token_count.completion_details.reasoning"));
        d.cached(count(attrs, p, "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
                "gen_ai.usage.details.cached_content_tokens", "llm.token_count.prompt_details.cache_read"));
        for (String k : List.of("gen_ai.usage.cost", "operation.cost", "llm.cost.total")) {
            d.cost(Json.money(a(attrs, k), p + k));
        }

        d.finishReason(firstString(a(attrs, "gen_ai.response.finish_reasons")));
        d.finishReason(Json.str(a(attrs, "gen_ai.completion.0.finish_reason")));
        JsonNode out = Json.decode(a(attrs, "gen_ai.output.messages"));
        if (out.isArray() && out.size() > 0) {
            d.finishReason(Json.str(out.get(0).get("finish_reason")));
        }
        for (Event e : events) {
            if (e.name().equals("gen_ai.choice")) {
                d.finishReason(Json.str(a(e.attributes(), "finish_reason")));
                d.finishReason(Json.str(Json.decode(a(e.attributes(), "gen_ai.event.content")).path("finish_reason")));
                d.finishReason(Json.str(Json.decode(e.body()).path("finish_reason")));
            }
        }

        JsonNode defs = Json.decode(a(attrs, "gen_ai.tool.definitions"));
        if (defs.isArray() && defs.size() > 0) {
            d.tools(defs.size());
        }
        Set<String> toolIndexes = new HashSet<>();
        for (Iterator<String> it = attrs.fieldNames(); it.hasNext(); ) {
            Matcher m = TOOL_INDEX.matcher(it.next());
            if (m.matches()) {
                toolIndexes.add(m.group(1));
            }
        }
        if (!toolIndexes.isEmpty()) {
            d.tools(toolIndexes.size());
        }
        if (!d.hasMessages()) {
            messages(attrs, events, p, d);
        }
    }

    private static Long count(JsonNode attrs, String p, String... keys) {
        for (String k : keys) {
            Long v = Json.count(a(attrs, k), p + k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String firstString(JsonNode v) {
        JsonNode r = Json.decode(v);
        if (r.isArray()) {
            return r.size() > 0 ? Json.str(r.get(0)) : null;
        }
        return Json.str(r);
    }

    private static void messages(JsonNode attrs, List<Event> events, String p, Draft d) {
        Messages.system(Json.decode(a(attrs, "gen_ai.system_instructions")), p + "gen_ai.system_instructions", d);
        int system = d.messages.size();
        Messages.list(Json.decode(a(attrs, "gen_ai.input.messages")), p + "gen_ai.input.messages", d);
        for (Event e : events) {
            if (d.messages.size() > system) {
                break;
            }
            if (e.name().equals("gen_ai.client.inference.operation.details")) {
                Messages.system(Json.decode(a(e.attributes(), "gen_ai.system_instructions")),
                        "events." + e.name() + ".gen_ai.system_instructions", d);
                system = d.messages.size();
                Messages.list(Json.decode(a(e.attributes(), "gen_ai.input.messages")), "events." + e.name() + ".gen_ai.input.messages", d);
            }
        }
        if (d.messages.size() > system) {
            return;
        }
        // Legacy, flattened: gen_ai.prompt.0.role / gen_ai.prompt.0.content (OpenLLMetry).
        for (int i = 0; attrs.has("gen_ai.prompt." + i + ".content") || attrs.has("gen_ai.prompt." + i + ".role"); i++) {
            String roleName = Json.str(a(attrs, "gen_ai.prompt." + i + ".role"));
            Role role = roleName == null ? Role.USER : Messages.role(roleName);
            if (role == null) {
                throw Json.bad(p + "gen_ai.prompt." + i + ".role", "unknown role '" + roleName + "'");
            }
            Messages.content(role, Json.decodeParts(a(attrs, "gen_ai.prompt." + i + ".content")), p + "gen_ai.prompt." + i + ".content", d);
        }
        if (d.messages.size() > system) {
            return;
        }
        // Removed attribute gen_ai.prompt (text or a JSON list of messages), also as a gen_ai.content.prompt event.
        prompt(a(attrs, "gen_ai.prompt"), p + "gen_ai.prompt", d);
        for (Event e : events) {
            if (d.messages.size() > system) {
                break;
            }
            if (e.name().equals("gen_ai.content.prompt")) {
                prompt(a(e.attributes(), "gen_ai.prompt"), "events.gen_ai.content.prompt.gen_ai.prompt", d);
            }
        }
        if (d.messages.size() > system) {
            return;
        }
        // Deprecated per-message events.
        for (Event e : events) {
            Role role = switch (e.name()) {
                case "gen_ai.system.message" -> Role.SYSTEM;
                case "gen_ai.user.message" -> Role.USER;
                case "gen_ai.assistant.message" -> Role.ASSISTANT;
                case "gen_ai.tool.message" -> Role.TOOL;
                default -> null;
            };
            if (role == null) {
                continue;
            }
            JsonNode content = Json.first(a(e.attributes(), "content"),
                    Json.decode(a(e.attributes(), "gen_ai.event.content")).path("content"),
                    Json.decode(e.body()).path("content"), e.body().isTextual() ? e.body() : null);
            Messages.content(role, Json.decodeParts(content), "events." + e.name() + ".content", d);
        }
        if (d.messages.size() > system) {
            return;
        }
        // OpenInference: llm.input_messages.0.message.role / .content / .contents.0.message_content.text
        for (int i = 0; attrs.has("llm.input_messages." + i + ".message.role"); i++) {
            String base = "llm.input_messages." + i + ".message.";
            String roleName = Json.str(a(attrs, base + "role"));
            Role role = Messages.role(roleName);
            if (role == null) {
                throw Json.bad(p + base + "role", "unknown role '" + roleName + "'");
            }
            StringBuilder text = new StringBuilder();
            String c = Json.str(a(attrs, base + "content"));
            if (c != null) {
                text.append(c);
            }
            for (int j = 0; attrs.has(base + "contents." + j + ".message_content.type")
                    || attrs.has(base + "contents." + j + ".message_content.text"); j++) {
                String t = Json.str(a(attrs, base + "contents." + j + ".message_content.text"));
                String type = Json.str(a(attrs, base + "contents." + j + ".message_content.type"));
                if (t != null && (type == null || type.equals("text"))) {
                    text.append(text.length() == 0 ? "" : "\n").append(t);
                } else {
                    d.nonTextParts++;
                }
            }
            d.message(role, text.toString());
        }
        if (d.messages.size() > system) {
            return;
        }
        JsonNode input = Json.decode(a(attrs, "input.value"));
        if (input.isObject()) {
            Bodies.request(input, p + "input.value", d);
        } else if (input.isArray() || input.isTextual()) {
            Messages.list(input, p + "input.value", d);
        }
    }

    private static void prompt(JsonNode v, String path, Draft d) {
        JsonNode p = Json.decode(v);
        if (Json.absent(p)) {
            return;
        }
        if (p.isArray()) {
            Messages.list(p, path, d);
        } else if (p.isTextual()) {
            d.message(Role.USER, p.asText());
        } else if (p.isObject()) {
            Bodies.request(p, path, d);
        }
    }
}
