package org.promptcensus.core.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.ModelInfo;

/**
 * The model catalog: maps model ids as they appear in logs ({@code deepseek/deepseek-chat-v3-0324},
 * {@code gpt-4o-2024-08-06}) to what is known about the model. Entries are matched in order, by
 * case-insensitive glob patterns ({@code *} matches any run of characters); the first match wins.
 * A user catalog ({@code --catalog FILE}) is searched before the bundled one, so it can add models
 * and override entries.
 *
 * <p>Thread-safe: immutable entries and a concurrent lookup cache (the set of distinct model ids in
 * a log is small).
 */
public final class ModelCatalog {
    /** The bundled catalog's classpath resource. */
    public static final String BUNDLED = "org/promptcensus/taxonomies/models/catalog.yaml";

    private record Entry(ModelInfo info, List<Pattern> patterns) {
    }

    private final List<Entry> entries;
    private final Map<String, ModelInfo> cache = new ConcurrentHashMap<>();

    private ModelCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The file's shape. */
    record CatalogFile(List<EntryFile> models) {
    }

    /** One entry as written. */
    record EntryFile(String id, String name, String author, List<String> patterns, String weights, String origin,
                     Double params_total_b, Double params_active_b, String size, Boolean reasoning, LocalDate released) {
    }

    /**
     * @param userCatalog a user catalog searched first, or null
     * @param loader the class loader holding the bundled catalog
     * @return the catalog
     */
    public static ModelCatalog load(Path userCatalog, ClassLoader loader) {
        List<Entry> entries = new ArrayList<>();
        if (userCatalog != null) {
            try (InputStream in = Files.newInputStream(userCatalog)) {
                entries.addAll(parse(in, userCatalog.toString()));
            } catch (IOException e) {
                throw new CensusException(ErrorCode.IO, userCatalog + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = loader.getResourceAsStream(BUNDLED)) {
            if (in != null) {
                entries.addAll(parse(in, "classpath:" + BUNDLED));
            }
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, BUNDLED + ": " + e.getMessage(), e);
        }
        return new ModelCatalog(entries);
    }

    /**
     * @param in a catalog file
     * @param where its name for messages
     * @return the catalog made of that file alone
     */
    public static ModelCatalog of(InputStream in, String where) {
        return new ModelCatalog(parse(in, where));
    }

    private static List<Entry> parse(InputStream in, String where) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndRegisterModules();
        CatalogFile file;
        try {
            file = yaml.readValue(in, CatalogFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": unknown key '" + e.getPropertyName() + "' (line "
                    + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        List<Entry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EntryFile e : file.models() == null ? List.<EntryFile>of() : file.models()) {
            String id = e.id();
            if (id == null || !ids.add(id)) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": entry without id, or id '" + id + "' twice");
            }
            if (e.patterns() == null || e.patterns().isEmpty()) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": model '" + id + "' has no patterns");
            }
            try {
                ModelInfo info = new ModelInfo(id, e.name(), e.author() == null ? "unknown" : e.author(),
                        ModelInfo.Weights.valueOf(String.valueOf(e.weights()).toUpperCase(Locale.ROOT)),
                        e.origin() == null ? "unknown" : e.origin(), e.params_total_b(), e.params_active_b(),
                        e.size() == null ? ModelInfo.Size.UNKNOWN : ModelInfo.Size.ofLabel(e.size()),
                        Boolean.TRUE.equals(e.reasoning()), e.released());
                out.add(new Entry(info, e.patterns().stream().map(ModelCatalog::glob).toList()));
            } catch (IllegalArgumentException ex) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": model '" + id + "': " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (re.length() > 0 || pattern.startsWith("*")) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString().replace("\\Q\\E", ""));
    }

    /**
     * @param loggedId a model id as logged (null when the record had none)
     * @return the catalog's entry, or {@link ModelInfo#unknown} (never null)
     */
    public ModelInfo lookup(String loggedId) {
        if (loggedId == null) {
            return ModelInfo.unknown(null);
        }
        return cache.computeIfAbsent(loggedId, id -> find(id).orElseGet(() -> ModelInfo.unknown(id)));
    }

    private Optional<ModelInfo> find(String loggedId) {
        String id = loggedId.trim().toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            for (Pattern p : e.patterns()) {
                if (p.matcher(id).matches()) {
                    return Optional.of(e.info());
                }
            }
        }
        return Optional.empty();
    }

    /** @return every entry, in matching order */
    public List<ModelInfo> models() {
        return entries.stream().map(Entry::info).toList();
    }

    /**
     * @param catalogId a catalog id
     * @return that entry
     */
    public Optional<ModelInfo> byId(String catalogId) {
        return entries.stream().map(Entry::info).filter(m -> m.id().equals(catalogId)).findFirst();
    }
}
