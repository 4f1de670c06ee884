package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import org.promptcensus.api.CensusException;

/**
 * OpenAI Batch API files: input lines {@code {custom_id, method, url, body}} with chat-completions
 * or Responses API bodies, and output lines {@code {id, custom_id, response: {status_code, body},
 * error}}. Given both (in any order), each request is joined with its output by {@code custom_id}:
 * the prompt comes from the input, usage, finish reason and time from the output. An output
 * without its input is a metadata-only request; a failed request's finish reason is {@code error}.
 */
public final class OpenAiBatchFormat extends JoinFormat {
    @Override
    public String name() {
        return "openai-batch";
    }

    @Override
    public String description() {
        return "OpenAI Batch API input files (chat completions, responses), joined with output files by custom_id";
    }

    @Override
    public double sniff(String head) {
        JsonNode f = Head.of(head).firstObject();
        if (!f.has("custom_id")) {
            return 0;
        }
        if (Head.count(f, "method", "url", "body") > 0) {
            return 0.95;
        }
        if (f.path("response").has("status_code") || f.path("response").has("body")
                || (f.has("error") && f.has("response")) || Json.str(f.get("id")) != null && f.get("id").asText().startsWith("batch_req")) {
            return 0.95;
        }
        return 0;
    }

    @Override
    Kind kind(Head head) {
        JsonNode f = head.firstObject();
        return Head.count(f, "method", "url", "body") == 0 && (f.has("response") || f.has("error")) ? Kind.RESULTS : Kind.REQUESTS;
    }

    @Override
    String key(JsonNode node, Kind kind) {
        return Json.str(node.get("custom_id"));
    }

    @Override
    boolean request(JsonNode n, String path, Draft d) {
        if (!n.has("body") && (n.has("response") || n.has("error"))) {
            // An output line in a file taken for inputs.
            result(n, path, d);
            return true;
        }
        d.id(Json.str(n.get("custom_id")));
        String url = Json.str(n.get("url"));
        if (url != null && url.contains("embeddings")) {
            throw new CensusException(org.promptcensus.api.ErrorCode.BAD_RECORD,
                    "url: " + url + " is an embeddings request, not a model request; skipped");
        }
        if (!n.path("body").isObject()) {
            throw Json.bad("body", "expected the request body object");
        }
        Bodies.request(n.get("body"), "body", d);
        return true;
    }

    @Override
    void result(JsonNode n, String path, Draft d) {
        d.id(Json.str(n.get("custom_id")));
        JsonNode response = Json.decode(n.get("response"));
        Long status = response.isObject() ? Json.count(response.get("status_code"), "response.status_code") : null;
        if (!Json.absent(n.get("error")) || (status != null && status >= 400)) {
            d.finishReason("error");
        }
        if (response.isObject()) {
            Bodies.response(response.get("body"), "response.body", d);
        }
    }
}
