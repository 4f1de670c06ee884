package org.promptcensus.plugins.googlenl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Maps Google Cloud Natural Language content-category paths onto {@code usecase} category ids by
 * the longest matching prefix at a path boundary; the table is data ({@code crosswalk.yaml}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Crosswalk {
    /** The bundled table's resource. */
    static final String RESOURCE = "/org/promptcensus/plugins/googlenl/crosswalk.yaml";

    private static final class Bundled {
        static final Crosswalk INSTANCE = load();

        private static Crosswalk load() {
            try (InputStream in = Crosswalk.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new CensusException(ErrorCode.PLUGIN_FAILED, "google-nl: " + RESOURCE + " is missing from the plugin jar");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new CensusException(ErrorCode.PLUGIN_FAILED, "google-nl: " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }

    private final Map<String, String> byPrefix;
    private final String fallback;

    private Crosswalk(Map<String, String> mappings, String fallback) {
        Map<String, String> m = new LinkedHashMap<>();
        mappings.forEach((k, v) -> m.put(normalize(k), v));
        this.byPrefix = Map.copyOf(m);
        this.fallback = fallback;
    }

    /** @return the crosswalk bundled with the plugin */
    public static Crosswalk bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param in a crosswalk YAML file: {@code default: ID} and {@code mappings: {PATH: ID}}
     * @param where its name for messages
     * @return the crosswalk
     * @throws CensusException BAD_USAGE when the file is invalid
     */
    public static Crosswalk read(InputStream in, String where) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<?, ?> raw;
        try {
            raw = yaml.readValue(in, Map.class);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (raw == null || !(raw.get("mappings") instanceof Map<?, ?> mappings) || !(raw.get("default") instanceof String fallback)) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": needs 'default: ID' and 'mappings: {PATH: ID}'");
        }
        for (Object key : raw.keySet()) {
            if (!"default".equals(key) && !"mappings".equals(key)) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": unknown key '" + key + "'; keys are default, mappings");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : mappings.entrySet()) {
            String path = String.valueOf(e.getKey());
            if (!path.startsWith("/") || !(e.getValue() instanceof String id) || !id.matches("[a-z][a-z0-9_]*")) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": mapping '" + path + "': '" + e.getValue()
                        + "' must map a /Path to a category id");
            }
            out.put(path, id);
        }
        return new Crosswalk(out, fallback);
    }

    /**
     * @param path a content-category path such as {@code /Reference/Language Resources/Foreign Language Resources}
     * @return the usecase id of the longest matching prefix, or the default
     */
    public String map(String path) {
        String p = normalize(path);
        while (!p.isEmpty()) {
            String id = byPrefix.get(p);
            if (id != null) {
                return id;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
        return fallback;
    }

    /** @return the id given to paths no entry covers */
    public String fallback() {
        return fallback;
    }

    /** @return the mapped prefixes (normalized) and their ids */
    public Map<String, String> mappings() {
        return byPrefix;
    }

    private static String normalize(String path) {
        String p = path.trim().toLowerCase(Locale.ROOT);
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
