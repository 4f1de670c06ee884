package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import org.promptcensus.api.Role;

/**
 * Reads the message lists of every provider into a {@link Draft}: OpenAI chat messages (string or
 * part content, tool calls), Responses API input items, Anthropic content blocks, Gemini
 * {@code contents[].parts}, OTel GenAI {@code parts}, ShareGPT and LangChain messages. Text parts
 * become message text; tool results become {@code tool} messages (they are not the user's words);
 * tool calls and reasoning are left out; images, audio and files are counted as non-text parts.
 */
final class Messages {
    private static final Set<String> TEXT_TYPES = Set.of("text", "input_text", "output_text");
    private static final Set<String> SKIPPED_TYPES = Set.of("thinking", "redacted_thinking", "reasoning", "tool_use",
            "server_tool_use", "tool_call", "function_call", "function", "refusal", "mcp_tool_use", "executable_code",
            "code_execution_result", "computer_call", "web_search_call", "file_search_call", "item_reference");
    private static final Set<String> TOOL_RESULT_TYPES = Set.of("tool_result", "tool_call_response", "function_call_output",
            "web_search_tool_result", "mcp_tool_result", "custom_tool_call_output", "computer_call_output");

    private Messages() {
    }

    /**
     * @param name a role name
     * @return the role, or null when unknown
     */
    static Role role(String name) {
        if (name == null) {
            return null;
        }
        return Role.parse(name).orElseGet(() -> switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "ai" -> Role.ASSISTANT;
            case "chatbot" -> Role.ASSISTANT;
            default -> null;
        });
    }

    /**
     * Reads a system prompt: a string, text blocks, or Gemini {@code {parts: [...]}}. A string is text
     * (callers decode JSON columns first).
     *
     * @param v the value
     * @param path its path
     * @param d the draft
     */
    static void system(JsonNode v, String path, Draft d) {
        JsonNode s = Json.orMissing(v);
        if (Json.absent(s)) {
            return;
        }
        if (s.isObject() && s.has("parts")) {
            s = s.get("parts");
        }
        if (s.isTextual()) {
            d.message(Role.SYSTEM, s.asText());
        } else if (s.isArray()) {
            content(Role.SYSTEM, s, path, d);
        } else {
            throw Json.bad(path, "expected a string or a list of text blocks, got " + s.getNodeType().toString().toLowerCase());
        }
    }

    /**
     * Reads a list of messages (or input items) of any of the known shapes. A string is one user
     * message, never decoded (callers decode JSON columns first).
     *
     * @param v the list (or a string: one user message)
     * @param path its path
     * @param d the draft
     */
    static void list(JsonNode v, String path, Draft d) {
        JsonNode list = Json.orMissing(v);
        if (Json.absent(list)) {
            return;
        }
        if (list.isTextual()) {
            d.message(Role.USER, list.asText());
            return;
        }
        if (!list.isArray()) {
            throw Json.bad(path, "expected a list of messages, got " + list.getNodeType().toString().toLowerCase());
        }
        int i = 0;
        for (JsonNode m : list) {
            item(m, path + "[" + i + "]", d);
            i++;
        }
    }

    private static void item(JsonNode m, String path, Draft d) {
        if (m.isTextual()) {
            d.message(Role.USER, m.asText());
            return;
        }
        if (!m.isObject()) {
            throw Json.bad(path, "a message must be an object, got " + m.getNodeType().toString().toLowerCase());
        }
        String type = Json.str(m.get("type"));
        String roleName = Json.str(m.get("role"));
        if (roleName == null) {
            roleName = Json.str(m.get("from"));
        }
        if (roleName == null && type != null && !type.equals("message")) {
            if (TOOL_RESULT_TYPES.contains(type) || type.endsWith("_call_output")) {
                d.message(Role.TOOL, toolText(Json.first(m.get("output"), m.get("content"), m.get("result"))));
                return;
            }
            if (SKIPPED_TYPES.contains(type) || type.endsWith("_call")) {
                if (type.endsWith("call") || type.equals("tool_use")) {
                    // A tool call is the model's turn, without text.
                    d.message(Role.ASSISTANT, "");
                }
                return;
            }
            roleName = type; // LangChain: {"type": "human", "content": ...}
        }
        if (roleName == null && m.has("parts")) {
            roleName = "user"; // Gemini: the role may be left out for a single-turn request
        }
        Role role = role(roleName);
        if (role == null) {
            throw Json.bad(path + ".role", "unknown role '" + roleName + "'");
        }
        JsonNode content = m.has("content") ? m.get("content") : m.has("parts") ? m.get("parts") : m.get("value");
        content(role, content, path + (m.has("content") ? ".content" : m.has("parts") ? ".parts" : ".value"), d);
    }

    /**
     * Appends one turn: the text parts joined as a message of the role, each tool result as a tool
     * message of its own. A turn with no text (only a tool call) still adds an empty message of
     * its role, so that the roles stay in order.
     *
     * @param role the turn's role
     * @param v its content: a string or a list of parts
     * @param path its path
     * @param d the draft
     */
    static void content(Role role, JsonNode v, String path, Draft d) {
        JsonNode c = Json.orMissing(v);
        if (c.isMissingNode() || c.isNull()) {
            d.message(role, "");
            return;
        }
        if (c.isTextual()) {
            d.message(role, c.asText());
            return;
        }
        if (c.isObject()) {
            // A single part.
            c = Json.MAPPER.createArrayNode().add(c);
        }
        if (!c.isArray()) {
            throw Json.bad(path, "expected a string or a list of parts, got " + c.getNodeType().toString().toLowerCase());
        }
        StringBuilder text = new StringBuilder();
        boolean emitted = false;
        int i = 0;
        for (JsonNode p : c) {
            String pp = path + "[" + i++ + "]";
            if (p.isTextual()) {
                append(text, p.asText());
                continue;
            }
            if (!p.isObject()) {
                throw Json.bad(pp, "a content part must be an object or a string");
            }
            String type = Json.str(p.get("type"));
            if (type == null) {
                // Gemini parts: {text}, {thought, text}, {functionCall}, {functionResponse}, {inlineData}, {fileData}.
                if (p.has("functionResponse") || p.has("function_response")) {
                    if (text.length() > 0) {
                        d.message(role, text.toString());
                        text.setLength(0);
                    }
                    JsonNode fr = Json.first(p.get("functionResponse"), p.get("function_response"));
                    d.message(Role.TOOL, toolText(Json.first(fr.get("response"), fr)));
                    emitted = true;
                } else if (p.has("text") && !p.path("thought").asBoolean(false)) {
                    JsonNode t = p.get("text");
                    if (!t.isTextual()) {
                        throw Json.bad(pp + ".text", "must be a string");
                    }
                    append(text, t.asText());
                } else if (p.has("inlineData") || p.has("inline_data") || p.has("fileData") || p.has("file_data")) {
                    d.nonTextParts++;
                }
                continue;
            }
            if (TEXT_TYPES.contains(type)) {
                JsonNode t = p.has("text") ? p.get("text") : p.get("content");
                if (t != null && t.isObject() && t.has("value")) {
                    t = t.get("value"); // Assistants API text parts
                }
                if (t == null || !t.isTextual()) {
                    throw Json.bad(pp + ".text", "a text part's text must be a string");
                }
                append(text, t.asText());
            } else if (TOOL_RESULT_TYPES.contains(type)) {
                if (text.length() > 0) {
                    d.message(role, text.toString());
                    text.setLength(0);
                }
                d.message(Role.TOOL, toolText(Json.first(p.get("content"), p.get("result"), p.get("output"))));
                emitted = true;
            } else if (!SKIPPED_TYPES.contains(type)) {
                d.nonTextParts++; // image, image_url, input_image, audio, input_audio, file, document, blob, uri, ...
            }
        }
        if (text.length() > 0 || !emitted) {
            d.message(role, text.toString());
        }
    }

    /** @return the text of a tool result: a string, the text of its blocks, or its JSON */
    static String toolText(JsonNode v) {
        JsonNode r = Json.orMissing(v);
        if (r.isMissingNode() || r.isNull()) {
            return "";
        }
        if (r.isTextual()) {
            return r.asText();
        }
        if (r.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode b : r) {
                if (b.isTextual()) {
                    append(sb, b.asText());
                } else if (b.path("text").isTextual()) {
                    append(sb, b.get("text").asText());
                } else if (b.path("content").isTextual()) {
                    append(sb, b.get("content").asText());
                }
            }
            return sb.toString();
        }
        return r.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(s);
    }
}
