package org.promptcensus.core.simulate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.core.catalog.ModelCatalog;

/**
 * A planted traffic profile for {@code census simulate}: the period, the models with their weekly
 * request shares and use-case mixes, token lengths per category, languages and user retention. The
 * bundled one is {@code taxonomies/models/traffic-profile.yaml} (its header explains each field).
 *
 * <p>Loading is strict: an unknown or duplicate key, a missing field, a mix or language table that
 * does not sum to 1 &plusmn; 0.01, a category that is not in the taxonomy, a model that is not in the
 * catalog, or a {@code log_id} the catalog maps to another model is an error naming the file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the Monday (UTC) the period starts
 * @param weeks the number of weeks
 * @param users distinct users per {@link #REFERENCE_REQUESTS} requests (the simulator scales the
 *              number with the requests it writes)
 * @param languages share of requests per language (ISO 639-1, or {@code other})
 * @param lengths token lengths per category in the first week
 * @param growth drift of lengths from the first week to the last
 * @param models the models, in file order
 */
public record TrafficProfile(LocalDate start, int weeks, int users, Map<String, Double> languages,
                             Map<String, Lengths> lengths, Growth growth, List<ModelProfile> models) {

    /** The bundled profile's classpath resource. */
    public static final String BUNDLED = "org/promptcensus/taxonomies/models/traffic-profile.yaml";

    /** The number of requests {@link #users} refers to. */
    public static final long REFERENCE_REQUESTS = 100_000;

    /** The longest period a profile may plant, in weeks (ten years). */
    public static final int MAX_WEEKS = 520;

    /** Tolerance on sums of shares. */
    private static final double SUM_TOLERANCE = 0.01;

    /** Copies the collections, keeping their order. */
    public TrafficProfile {
        languages = languages == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        lengths = lengths == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lengths));
        models = models == null ? null : List.copyOf(models);
    }

    /**
     * Log-normal token lengths of one category in the first week.
     *
     * @param promptMedian median prompt tokens
     * @param promptSigma sigma of ln(prompt tokens)
     * @param completionMedian median completion tokens
     * @param completionSigma sigma of ln(completion tokens)
     */
    public record Lengths(@JsonProperty("prompt_median") Double promptMedian,
                          @JsonProperty("prompt_sigma") Double promptSigma,
                          @JsonProperty("completion_median") Double completionMedian,
                          @JsonProperty("completion_sigma") Double completionSigma) {
        /** @return mean prompt tokens of the first week: {@code median * exp(sigma^2 / 2)} */
        public double promptMean() {
            return promptMedian * StrictMath.exp(promptSigma * promptSigma / 2);
        }

        /** @return mean completion tokens of the first week */
        public double completionMean() {
            return completionMedian * StrictMath.exp(completionSigma * completionSigma / 2);
        }
    }

    /**
     * Multiplicative drift of lengths from the first week to the last; geometric in between.
     *
     * @param prompt factor on prompt lengths
     * @param completion factor on completion lengths
     */
    public record Growth(Double prompt, Double completion) {
    }

    /**
     * Linear request share from the first week to the last.
     *
     * @param start share in the first week
     * @param end share in the last week
     */
    public record Share(Double start, Double end) {
    }

    /**
     * Monthly retention of a model's users.
     *
     * @param monthlyChurn chance that an active user stops in a month
     * @param comeback chance that a lapsed user comes back in a month
     */
    public record Retention(@JsonProperty("monthly_churn") Double monthlyChurn, Double comeback) {
    }

    /**
     * One model of the profile.
     *
     * @param model the catalog id
     * @param logId the model id written in the log
     * @param share request share over the weeks (before renormalisation)
     * @param availableFrom first day with traffic, or null (available from the start)
     * @param mix share of requests per use-case category
     * @param toolCallRate share of requests that end in a tool call
     * @param reasoningShare part of completion tokens that is reasoning
     * @param retention user retention
     */
    public record ModelProfile(String model, @JsonProperty("log_id") String logId, Share share,
                               @JsonProperty("available_from") LocalDate availableFrom, Map<String, Double> mix,
                               @JsonProperty("tool_call_rate") Double toolCallRate,
                               @JsonProperty("reasoning_share") Double reasoningShare, Retention retention) {
        /** Copies the mix, keeping its order. */
        public ModelProfile {
            mix = mix == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mix));
        }

        /**
         * @param week a week index
         * @param weeks the number of weeks
         * @return the planted share before renormalisation (ignoring availability)
         */
        public double shareAt(int week, int weeks) {
            double f = weeks <= 1 ? 0 : (double) week / (weeks - 1);
            return share.start() + (share.end() - share.start()) * f;
        }
    }

    /**
     * Loads the profile bundled with the taxonomies jar.
     *
     * @param loader the class loader holding it
     * @param catalog the model catalog
     * @param categories the use-case category ids
     * @return the profile
     */
    public static TrafficProfile loadBundled(ClassLoader loader, ModelCatalog catalog, Collection<String> categories) {
        try (InputStream in = loader.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CensusException(ErrorCode.IO, "classpath:" + BUNDLED + ": not found (is census-taxonomies on the classpath?)");
            }
            return load(in, "classpath:" + BUNDLED, catalog, categories);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a profile file
     * @param catalog the model catalog
     * @param categories the use-case category ids
     * @return the profile
     */
    public static TrafficProfile load(Path file, ModelCatalog catalog, Collection<String> categories) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), catalog, categories);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in a profile in YAML
     * @param where its name for messages
     * @param catalog the model catalog
     * @param categories the use-case category ids
     * @return the validated profile
     * @throws CensusException BAD_USAGE naming {@code where} when it is invalid
     */
    public static TrafficProfile load(InputStream in, String where, ModelCatalog catalog, Collection<String> categories) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .findAndRegisterModules();
        TrafficProfile p;
        try {
            p = yaml.readValue(in, TrafficProfile.class);
        } catch (UnrecognizedPropertyException e) {
            // Records are built after their keys are buffered, so the parser's line is not the key's: name its path.
            List<JsonMappingException.Reference> path = e.getPath();
            String inside = path.size() <= 1 ? "at the top level" : "in " + path(path.subList(0, path.size() - 1));
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": unknown key '" + e.getPropertyName() + "' " + inside, e);
        } catch (JsonMappingException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": " + (e.getPath().isEmpty() ? "" : path(e.getPath()) + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (p == null) {
            throw bad(where, "empty profile");
        }
        p.validate(where, catalog, Set.copyOf(categories));
        return p;
    }

    /** @return a key path such as {@code models[3].retention} */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private void validate(String where, ModelCatalog catalog, Set<String> categories) {
        require(start != null, where, "'start' is missing");
        require(weeks > 0 && weeks <= MAX_WEEKS, where, "'weeks' must be in 1.." + MAX_WEEKS);
        require(users > 0, where, "'users' must be positive");
        require(languages != null && !languages.isEmpty(), where, "'languages' is missing");
        checkShares(languages, where, "languages");
        require(lengths != null, where, "'lengths' is missing");
        for (Map.Entry<String, Lengths> e : lengths.entrySet()) {
            String key = "lengths." + e.getKey();
            require(categories.contains(e.getKey()), where, key + ": '" + e.getKey() + "' is not a use-case category");
            Lengths l = e.getValue();
            require(l != null && l.promptMedian() != null && l.promptSigma() != null && l.completionMedian() != null
                    && l.completionSigma() != null, where, key + ": needs prompt_median, prompt_sigma, completion_median, completion_sigma");
            require(l.promptMedian() > 0 && l.completionMedian() > 0, where, key + ": medians must be positive");
            require(l.promptSigma() >= 0 && l.completionSigma() >= 0, where, key + ": sigmas must not be negative");
        }
        require(growth != null && growth.prompt() != null && growth.completion() != null, where,
                "'growth' needs 'prompt' and 'completion'");
        require(growth.prompt() > 0 && growth.completion() > 0, where, "growth factors must be positive");
        require(models != null && !models.isEmpty(), where, "'models' is empty");
        Set<String> logIds = new HashSet<>();
        for (ModelProfile m : models) {
            require(m != null && m.model() != null, where, "a model has no 'model'");
            String key = "model '" + m.model() + "'";
            ModelInfo info = catalog.byId(m.model()).orElseThrow(() -> bad(where, key + " is not in the model catalog"));
            require(m.logId() != null && !m.logId().isBlank(), where, key + ": 'log_id' is missing");
            require(logIds.add(m.logId()), where, key + ": log_id '" + m.logId() + "' is used twice");
            String mapped = catalog.lookup(m.logId()).id();
            require(info.id().equals(mapped), where, key + ": the catalog maps log_id '" + m.logId() + "' to '" + mapped + "'");
            require(m.share() != null && m.share().start() != null && m.share().end() != null
                    && m.share().start() >= 0 && m.share().end() >= 0, where, key + ": 'share' needs non-negative 'start' and 'end'");
            require(m.mix() != null && !m.mix().isEmpty(), where, key + ": 'mix' is missing");
            checkShares(m.mix(), where, key + ": mix");
            for (String c : m.mix().keySet()) {
                require(categories.contains(c), where, key + ": mix names '" + c + "', which is not a use-case category");
                require(lengths.containsKey(c), where, key + ": mix names '" + c + "', which has no 'lengths'");
            }
            require(m.toolCallRate() != null && m.toolCallRate() >= 0 && m.toolCallRate() <= 1, where,
                    key + ": 'tool_call_rate' must be in [0, 1]");
            require(m.reasoningShare() != null && m.reasoningShare() >= 0 && m.reasoningShare() < 1, where,
                    key + ": 'reasoning_share' must be in [0, 1)");
            Retention r = m.retention();
            require(r != null && r.monthlyChurn() != null && r.comeback() != null && r.monthlyChurn() >= 0
                    && r.monthlyChurn() <= 1 && r.comeback() >= 0 && r.comeback() <= 1, where,
                    key + ": 'retention' needs monthly_churn and comeback in [0, 1]");
        }
    }

    private static void checkShares(Map<String, Double> shares, String where, String what) {
        double sum = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            require(e.getValue() != null && e.getValue() >= 0, where, what + ": '" + e.getKey() + "' must be a non-negative number");
            sum += e.getValue();
        }
        require(Math.abs(sum - 1) <= SUM_TOLERANCE, where, what + " sums to " + String.format(java.util.Locale.ROOT, "%.4f", sum)
                + ", not 1");
    }

    private static void require(boolean ok, String where, String message) {
        if (!ok) {
            throw bad(where, message);
        }
    }

    private static CensusException bad(String where, String message) {
        return new CensusException(ErrorCode.BAD_USAGE, where + ": " + message);
    }

    /** @return the last day of the period */
    public LocalDate end() {
        return start.plusDays(7L * weeks - 1);
    }

    /**
     * @param week a week index
     * @return the factor on prompt lengths that week: {@code growth.prompt ^ (week / (weeks - 1))}
     */
    public double promptGrowth(int week) {
        return StrictMath.pow(growth.prompt(), weeks <= 1 ? 0 : (double) week / (weeks - 1));
    }

    /**
     * @param week a week index
     * @return the factor on completion lengths that week
     */
    public double completionGrowth(int week) {
        return StrictMath.pow(growth.completion(), weeks <= 1 ? 0 : (double) week / (weeks - 1));
    }
}
