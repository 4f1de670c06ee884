package org.promptcensus.core.io;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Maps other log schemas onto the canonical field names ({@code --field NAME=PATH}). A path is a
 * dotted path ({@code metadata.user_id}, {@code choices.0.finish_reason}) or a JSON pointer
 * ({@code /metadata/user_id}). Immutable.
 */
public final class FieldMapping {
    /** The canonical names a path can be given for. */
    public static final List<String> NAMES = List.of("id", "model", "created", "user", "text", "messages", "system",
            "prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_tokens", "finish_reason", "tools");

    /** No mappings. */
    public static final FieldMapping NONE = new FieldMapping(Map.of());

    private final Map<String, JsonPointer> paths;

    private FieldMapping(Map<String, JsonPointer> paths) {
        this.paths = Map.copyOf(paths);
    }

    /**
     * @param specs {@code NAME=PATH} strings
     * @return the mapping
     * @throws CensusException BAD_USAGE for an unknown name or a malformed spec
     */
    public static FieldMapping parse(List<String> specs) {
        Map<String, JsonPointer> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new CensusException(ErrorCode.BAD_USAGE, "--field '" + spec + "': expected NAME=PATH, e.g. user=metadata.user_id");
            }
            String name = spec.substring(0, eq).trim();
            String path = spec.substring(eq + 1).trim();
            if (!NAMES.contains(name)) {
                throw new CensusException(ErrorCode.BAD_USAGE, "--field '" + spec + "': unknown name '" + name + "'; names are " + NAMES);
            }
            try {
                out.put(name, JsonPointer.compile(path.startsWith("/") ? path : "/" + path.replace("~", "~0").replace('.', '/')));
            } catch (IllegalArgumentException e) {
                throw new CensusException(ErrorCode.BAD_USAGE, "--field '" + spec + "': bad path: " + e.getMessage());
            }
        }
        return new FieldMapping(out);
    }

    /**
     * @param name a canonical name
     * @return its mapped path, if any
     */
    public Optional<JsonPointer> path(String name) {
        return Optional.ofNullable(paths.get(name));
    }

    /** @return true when nothing is mapped */
    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
