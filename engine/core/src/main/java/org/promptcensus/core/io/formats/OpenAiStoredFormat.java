package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.promptcensus.api.Role;

/**
 * OpenAI stored chat completions ({@code store: true}): the list of {@code GET /v1/chat/completions}
 * ({@code {object: "list", data: [chat.completion, ...]}}, or the completion objects one per line),
 * joined with the input messages of {@code GET /v1/chat/completions/{id}/messages} when those pages
 * are given too. A message's id is its completion's id plus {@code -N}; a page may also name its
 * completion with a {@code completion_id} field. Completions without messages are metadata-only
 * requests.
 */
public final class OpenAiStoredFormat extends JoinFormat {
    @Override
    public String name() {
        return "openai-stored";
    }

    @Override
    public String description() {
        return "OpenAI stored chat completions (list) with their input messages";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        JsonNode e = f.path("data").path(0);
        if ("list".equals(Json.str(f.get("object"))) && "chat.completion".equals(Json.str(e.get("object")))) {
            return 0.95;
        }
        if ("list".equals(Json.str(f.get("object"))) && e.has("role") && Json.str(e.get("id")) != null
                && e.get("id").asText().startsWith("chatcmpl-")) {
            return 0.9;
        }
        if ("chat.completion".equals(Json.str(f.get("object"))) && f.has("choices")) {
            return 0.85;
        }
        return 0;
    }

    @Override
    Kind kind(Head head) {
        JsonNode f = head.firstObject();
        JsonNode e = f.path("data").isArray() ? f.path("data").path(0) : f;
        return e.has("role") && !e.has("choices") ? Kind.RESULTS : Kind.REQUESTS;
    }

    @Override
    List<Map.Entry<String, JsonNode>> records(JsonNode root) {
        if (!root.path("data").isArray()) {
            return List.of(Map.entry("", root));
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root.get("data")) {
            JsonNode rec = e;
            if (root.has("completion_id") && e.isObject()) {
                rec = ((com.fasterxml.jackson.databind.node.ObjectNode) e.deepCopy()).put("completion_id", root.get("completion_id").asText());
            }
            out.add(Map.entry("data[" + i++ + "]", rec));
        }
        return out;
    }

    @Override
    String key(JsonNode node, Kind kind) {
        if (kind == Kind.REQUESTS || node.has("choices")) {
            return Json.str(node.get("id"));
        }
        String completion = Json.str(node.get("completion_id"));
        if (completion != null) {
            return completion;
        }
        String id = Json.str(node.get("id"));
        if (id == null) {
            return null;
        }
        int dash = id.lastIndexOf('-');
        return dash > 0 && id.substring(dash + 1).chars().allMatch(Character::isDigit) ? id.substring(0, dash) : id;
    }

    @Override
    boolean request(JsonNode n, String path, Draft d) {
        if (n.has("role") && !n.has("choices")) {
            result(n, path, d);
            return true;
        }
        d.id(Json.str(n.get("id")));
        JsonNode metadata = Json.decode(n.get("metadata"));
        d.user(Json.str(n.get("input_user")));
        d.user(Json.str(n.get("user")));
        d.user(Json.str(metadata.get("user_id")));
        d.user(Json.str(metadata.get("user")));
        d.tools(Bodies.tools(n.get("tools"), path.isEmpty() ? "tools" : path + ".tools"));
        if (n.has("messages")) {
            Messages.list(n.get("messages"), path.isEmpty() ? "messages" : path + ".messages", d);
        }
        Bodies.response(n, path, d);
        return true;
    }

    @Override
    void result(JsonNode n, String path, Draft d) {
        String roleName = Json.str(n.get("role"));
        Role role = Messages.role(roleName);
        if (role == null) {
            throw Json.bad(path + ".role", "unknown role '" + roleName + "'");
        }
        JsonNode content = Json.absent(n.get("content")) && n.path("content_parts").isArray() ? n.get("content_parts") : n.get("content");
        Messages.content(role, content, path + ".content", d);
        d.id(key(n, Kind.RESULTS));
    }
}
