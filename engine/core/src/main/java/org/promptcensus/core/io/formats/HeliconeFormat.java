package org.promptcensus.core.io.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.promptcensus.api.spi.InputSource;

/**
 * Helicone exports ({@code npx @helicone/export}): JSON Lines or JSON of {@code HeliconeRequest}
 * rows ({@code request_id, request_created_at, request_model, response_model, model,
 * request_user_id, prompt_tokens, completion_tokens, prompt_cache_read_tokens, cost / costUSD,
 * response_status}), with the provider-native {@code request_body} / {@code response_body} when
 * exported with {@code --include-body}; and the CSV export ({@code response_id,
 * response_created_at, response_status, request_created_at, request_body, request_properties,
 * request_user_id, model, prompt_tokens, completion_tokens, latency, cost}). Rows without a body are
 * metadata only. The cost is {@code costUSD}, else {@code cost}, taken as USD.
 */
public final class HeliconeFormat extends JsonFormat {
    @Override
    public String name() {
        return "helicone";
    }

    @Override
    public String description() {
        return "Helicone request exports (JSON Lines, JSON or CSV of HeliconeRequest rows)";
    }

    @Override
    public double sniff(String head) {
        String firstLine = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        if (!firstLine.startsWith("{") && !firstLine.startsWith("[") && firstLine.contains("request_created_at")
                && (firstLine.contains("response_id") || firstLine.contains("request_id"))) {
            return 0.9;
        }
        JsonNode f = Head.of(head).firstObject();
        if ((f.has("request_id") || f.has("response_id")) && Head.count(f, "request_created_at", "request_model",
                "response_model", "request_user_id", "request_properties", "prompt_cache_read_tokens", "costUSD",
                "signed_body_url", "helicone_user") > 0) {
            return 0.9;
        }
        return 0;
    }

    @Override
    RecordSource open(InputSource source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source.stream(), 1 << 16);
        in.mark(1 << 16);
        String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        in.reset();
        String first = head.stripLeading();
        if (first.startsWith("{") || first.startsWith("[")) {
            return super.open(new InputSource(source.name(), in));
        }
        CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get()
                .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        Iterator<CSVRecord> rows = csv.iterator();
        return new RecordSource() {
            @Override
            public JsonReader.Item next() {
                try {
                    if (!rows.hasNext()) {
                        return null;
                    }
                    CSVRecord row = rows.next();
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    for (Map.Entry<String, String> e : row.toMap().entrySet()) {
                        if (e.getValue() != null) {
                            o.put(e.getKey(), e.getValue());
                        }
                    }
                    // the header is line 1; records are counted from line 2
                    return new JsonReader.Item(row.getRecordNumber() + 1, o, null);
                } catch (UncheckedIOException | IllegalStateException e) {
                    return new JsonReader.Item(csv.getRecordNumber() + 2, null, "malformed CSV: " + e.getMessage()
                            + "; the rest of this input is not read");
                }
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    @Override
    void convert(JsonNode n, Out out) {
        out.each(() -> {
            Draft d = new Draft();
            d.id(Json.str(n.get("request_id")));
            d.id(Json.str(n.get("response_id")));
            d.model(Json.str(n.get("model")));
            d.model(Json.str(n.get("response_model")));
            d.model(Json.str(n.get("request_model")));
            d.model(Json.str(n.get("model_override")));
            d.created(Json.time(n.get("request_created_at"), "request_created_at"));
            d.created(Json.time(n.get("response_created_at"), "response_created_at"));
            d.user(Json.str(n.get("request_user_id")));
            d.user(Json.str(Json.decode(n.get("request_properties")).get("Helicone-User-Id")));
            d.prompt(Json.count(n.get("prompt_tokens"), "prompt_tokens"));
            d.completion(Json.count(n.get("completion_tokens"), "completion_tokens"));
            d.cached(Json.count(n.get("prompt_cache_read_tokens"), "prompt_cache_read_tokens"));
            d.cost(Json.money(n.get("costUSD"), "costUSD"));
            d.cost(Json.money(n.get("cost"), "cost"));
            Bodies.request(n.get("request_body"), "request_body", d);
            Bodies.response(n.get("response_body"), "response_body", d);
            Long status = Json.count(n.get("response_status"), "response_status");
            if (status != null && status >= 400) {
                d.finishReason("error");
            }
            return d;
        });
    }
}
