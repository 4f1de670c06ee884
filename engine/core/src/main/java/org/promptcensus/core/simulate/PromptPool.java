package org.promptcensus.core.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * The seed prompts the simulator draws from, by use-case category and language. Prompts come from
 * a labelled corpus in the format of {@code corpora/README.md}, one file per category
 * ({@code <category>.jsonl}, read by name because a jar cannot list its resources portably); a
 * record counts for its primary label ({@code labels.usecase[0]}), whatever file it is in. The
 * default corpus is the project's seed corpus, packaged into the taxonomies jar under
 * {@value #BUNDLED}.
 *
 * <p>Each prompt keeps the record's messages (system prompt and turns) as compact JSON, ready to be
 * written into a log record.
 *
 * <p>Immutable and thread-safe.
 */
public final class PromptPool {
    /** The classpath folder of the bundled seed corpus of the {@code usecase} taxonomy. */
    public static final String BUNDLED = "org/promptcensus/corpora/seed/usecase";

    /** The language to fall back on when the corpus has no prompt of a category in the request's language. */
    public static final String FALLBACK_LANGUAGE = "en";

    /**
     * One seed prompt.
     *
     * @param id the corpus record's id
     * @param lang its language (ISO 639-1), or {@code und} when the record has none
     * @param category its primary use-case category
     * @param messagesJson its {@code messages} array as compact JSON
     */
    public record Prompt(String id, String lang, String category, String messagesJson) {
    }

    /** Opens one category file, or returns null when there is none. */
    @FunctionalInterface
    private interface Opener {
        InputStream open(String fileName) throws IOException;
    }

    private final List<String> categories;
    /** Per category, per language (sorted), the prompts in corpus order. */
    private final Map<String, Map<String, List<Prompt>>> prompts;
    private final String origin;

    private PromptPool(List<String> categories, Map<String, Map<String, List<Prompt>>> prompts, String origin) {
        this.categories = List.copyOf(categories);
        this.prompts = prompts;
        this.origin = origin;
    }

    /**
     * Reads the seed corpus bundled in the taxonomies jar.
     *
     * @param loader the class loader holding it
     * @param categories the use-case category ids, in taxonomy order
     * @return the pool
     */
    public static PromptPool fromClasspath(ClassLoader loader, Collection<String> categories) {
        return read(categories, name -> loader.getResourceAsStream(BUNDLED + "/" + name), "classpath:" + BUNDLED);
    }

    /**
     * Reads a corpus folder: {@code <category>.jsonl} files, either in {@code dir} or in
     * {@code dir/usecase} (so both {@code corpora/seed} and {@code corpora/seed/usecase} work).
     *
     * @param dir the folder
     * @param categories the use-case category ids, in taxonomy order
     * @return the pool
     */
    public static PromptPool fromDirectory(Path dir, Collection<String> categories) {
        if (!Files.isDirectory(dir)) {
            throw new CensusException(ErrorCode.BAD_USAGE, dir + ": not a directory");
        }
        Path base = Files.isDirectory(dir.resolve("usecase")) ? dir.resolve("usecase") : dir;
        return read(categories, name -> {
            Path f = base.resolve(name);
            return Files.isRegularFile(f) ? Files.newInputStream(f) : null;
        }, base.toString());
    }

    private static PromptPool read(Collection<String> categories, Opener opener, String origin) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, List<Prompt>>> byCategory = new LinkedHashMap<>();
        for (String c : categories) {
            byCategory.put(c, new TreeMap<>());
        }
        for (String c : categories) {
            String name = c.replace('/', '.') + ".jsonl";
            String where = origin + "/" + name;
            try (InputStream in = opener.open(name)) {
                if (in == null) {
                    continue;
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Prompt p = parse(json, line, where + ":" + n);
                    Map<String, List<Prompt>> byLang = byCategory.get(p.category());
                    if (byLang == null) {
                        throw new CensusException(ErrorCode.BAD_CORPUS, where + ":" + n + ": category '" + p.category()
                                + "' is not in the taxonomy");
                    }
                    byLang.computeIfAbsent(p.lang(), k -> new ArrayList<>()).add(p);
                }
            } catch (IOException e) {
                throw new CensusException(ErrorCode.IO, where + ": " + e.getMessage(), e);
            }
        }
        Map<String, Map<String, List<Prompt>>> frozen = new LinkedHashMap<>();
        byCategory.forEach((c, m) -> {
            Map<String, List<Prompt>> langs = new TreeMap<>();
            m.forEach((l, list) -> langs.put(l, List.copyOf(list)));
            frozen.put(c, Collections.unmodifiableMap(langs));
        });
        return new PromptPool(List.copyOf(categories), Collections.unmodifiableMap(frozen), origin);
    }

    private static Prompt parse(ObjectMapper json, String line, String where) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CensusException(ErrorCode.BAD_CORPUS, where + ": malformed JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (node == null || !node.isObject()) {
            throw new CensusException(ErrorCode.BAD_CORPUS, where + ": expected a JSON object");
        }
        JsonNode messages = node.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new CensusException(ErrorCode.BAD_CORPUS, where + ": 'messages' must be a non-empty array");
        }
        JsonNode label = node.path("labels").path("usecase").path(0);
        if (!label.isTextual()) {
            throw new CensusException(ErrorCode.BAD_CORPUS, where + ": no labels.usecase[0]");
        }
        String lang = node.path("lang").isTextual() ? node.get("lang").asText() : "und";
        String id = node.path("id").asText(where);
        try {
            return new Prompt(id, lang, label.asText(), json.writeValueAsString(messages));
        } catch (JsonProcessingException e) {
            throw new CensusException(ErrorCode.INTERNAL, where + ": " + e.getMessage(), e);
        }
    }

    /** @return the category ids, in taxonomy order */
    public List<String> categories() {
        return categories;
    }

    /** @return where the prompts were read from */
    public String origin() {
        return origin;
    }

    /**
     * @param category a category id
     * @return the number of prompts of that category
     */
    public int size(String category) {
        return prompts.getOrDefault(category, Map.of()).values().stream().mapToInt(List::size).sum();
    }

    /** @return the number of prompts */
    public int size() {
        return categories.stream().mapToInt(this::size).sum();
    }

    /**
     * @param category a category id
     * @return the languages the corpus has prompts of that category in, sorted
     */
    public List<String> languages(String category) {
        return List.copyOf(prompts.getOrDefault(category, Map.of()).keySet());
    }

    /**
     * The prompts a request of this category and language draws from: those in its language when
     * the corpus has any, else those in {@value #FALLBACK_LANGUAGE}, else all of the category.
     *
     * @param category a category id
     * @param lang a language
     * @return the prompts, empty when the corpus has none of the category
     */
    public List<Prompt> choices(String category, String lang) {
        Map<String, List<Prompt>> byLang = prompts.getOrDefault(category, Map.of());
        List<Prompt> exact = byLang.get(lang);
        if (exact != null && !exact.isEmpty()) {
            return exact;
        }
        List<Prompt> fallback = byLang.get(FALLBACK_LANGUAGE);
        if (fallback != null && !fallback.isEmpty()) {
            return fallback;
        }
        List<Prompt> all = new ArrayList<>();
        byLang.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /**
     * @param category a category id
     * @param lang a language
     * @return true when a request of this category will be written in that very language
     */
    public boolean hasLanguage(String category, String lang) {
        return Optional.ofNullable(prompts.getOrDefault(category, Map.of()).get(lang)).map(l -> !l.isEmpty()).orElse(false);
    }
}
