package org.promptcensus.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Labels kept apart from the text they label: JSON Lines of {@code {"id": ..., "labels":
 * {"usecase": [...]}}} (other fields ignored). Applied to gold records by id, they replace the
 * records' labels for the taxonomies they name, so a public corpus can be relabelled, shared and
 * evaluated without copying its text. Records without an overlay line are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelOverlay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Map<String, List<String>>> byId;

    private LabelOverlay(Map<String, Map<String, List<String>>> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * @param files label files or folders of them ({@code *.jsonl})
     * @param errors receives one line (file:line: message) per bad line, which is skipped
     * @return the overlay; a later line for the same id replaces an earlier one
     */
    public static LabelOverlay read(List<Path> files, Consumer<String> errors) {
        Map<String, Map<String, List<String>>> byId = new HashMap<>();
        GoldReader.eachLine(files, errors, (f, raw) -> {
            JsonNode node = json(raw.text());
            if (node == null || !node.path("id").isTextual()) {
                throw new CensusException(ErrorCode.BAD_RECORD, "a label line needs a string 'id'");
            }
            byId.put(node.get("id").asText(), labels(node.path("labels")));
        });
        return new LabelOverlay(byId);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CensusException(ErrorCode.BAD_RECORD, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, List<String>> labels(JsonNode l) {
        if (!l.isObject() || l.isEmpty()) {
            throw new CensusException(ErrorCode.BAD_RECORD, "'labels' must be an object naming at least one taxonomy");
        }
        Map<String, List<String>> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new CensusException(ErrorCode.BAD_RECORD, "labels." + e.getKey() + " must be a list");
            }
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(v -> ids.add(v.asText()));
            out.put(e.getKey(), List.copyOf(ids));
        }
        return out;
    }

    /** @return how many ids carry labels */
    public int size() {
        return byId.size();
    }

    /**
     * @param records gold records
     * @return the records named in the overlay, in order, with the overlay's labels in place of
     *         theirs for the taxonomies it names
     */
    public List<GoldRecord> apply(List<GoldRecord> records) {
        List<GoldRecord> out = new ArrayList<>();
        for (GoldRecord r : records) {
            Map<String, List<String>> over = byId.get(r.request().id());
            if (over != null) {
                Map<String, List<String>> labels = new HashMap<>(r.labels());
                labels.putAll(over);
                out.add(new GoldRecord(r.request(), r.lang(), r.source(), labels));
            }
        }
        return out;
    }
}
