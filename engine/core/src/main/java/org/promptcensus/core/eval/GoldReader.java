package org.promptcensus.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.RecordParser;

/**
 * Reads labelled JSON Lines (the format of {@code corpora/README.md} and of the external
 * development corpora). A bad line is reported to the error consumer and skipped.
 *
 * <p>Thread-safe.
 */
public final class GoldReader {
    private final RecordParser parser = new RecordParser(FieldMapping.NONE);

    /**
     * @param files labelled files or directories (every {@code *.jsonl} / {@code *.jsonl.gz} inside)
     * @param errors receives one line per bad record
     * @return the records, in file order
     */
    public List<GoldRecord> read(List<Path> files, Consumer<String> errors) {
        List<GoldRecord> out = new ArrayList<>();
        eachLine(files, errors, (f, raw) -> out.add(parse(parser.tree(raw.text()), String.valueOf(raw.line()), f.getFileName().toString())));
        return out;
    }

    /** Takes one line of a file; throws {@link CensusException} to reject it. */
    interface LineHandler {
        void accept(Path file, RawRecord raw);
    }

    /**
     * Feeds every line of the files (directories expanded) to the handler. A line that cannot be
     * read, or that the handler rejects, is reported as {@code file:line: message} and skipped.
     */
    static void eachLine(List<Path> files, Consumer<String> errors, LineHandler handler) {
        for (Path f : expand(files)) {
            try (InputFiles in = new InputFiles(List.of(f.toString()), InputStream.nullInputStream(), null)) {
                while (in.hasNext()) {
                    RawRecord raw = in.next();
                    if (raw.error() != null) {
                        errors.accept(raw.where() + ": " + raw.error());
                        continue;
                    }
                    try {
                        handler.accept(f, raw);
                    } catch (CensusException e) {
                        errors.accept(raw.where() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    private GoldRecord parse(JsonNode node, String defaultId, String file) {
        Map<String, List<String>> labels = new HashMap<>();
        JsonNode l = node.path("labels");
        if (!l.isMissingNode() && !l.isObject()) {
            throw new CensusException(ErrorCode.BAD_RECORD, "'labels' must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            if (!e.getValue().isArray()) {
                throw new CensusException(ErrorCode.BAD_RECORD, "labels." + e.getKey() + " must be a list or null");
            }
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(v -> ids.add(v.asText()));
            labels.put(e.getKey(), ids);
        }
        String source = node.path("source").asText(file);
        String lang = node.path("lang").isTextual() ? node.get("lang").asText() : null;
        return new GoldRecord(parser.parse(node, defaultId), lang, source, labels);
    }

    /**
     * @param files files or directories
     * @return the files, directories expanded to their sorted {@code *.jsonl[.gz]} files
     */
    public static List<Path> expand(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(x -> x.toString().endsWith(".jsonl") || x.toString().endsWith(".jsonl.gz")).sorted().forEach(out::add);
                } catch (java.io.IOException e) {
                    throw new CensusException(ErrorCode.IO, p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
