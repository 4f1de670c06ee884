package org.promptcensus.plugins.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Prices per model, keyed by model catalog id (or, for models the catalog does not know, by the
 * logged id): {@code models: {gpt-4o: {input: 2.50, output: 10.00}}}, US dollars per million tokens.
 * The bundled table ({@code prices.yaml}) can be overridden model by model with a user file.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceTable {
    /** The bundled table's resource. */
    static final String RESOURCE = "/org/promptcensus/plugins/pricing/prices.yaml";
    private static final Set<String> KEYS = Set.of("as_of", "models");

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /**
     * @param prices prices by model id
     * @return a table of exactly these prices
     */
    public static PriceTable of(Map<String, Price> prices) {
        return new PriceTable(prices);
    }

    /** @return the table bundled with the plugin */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CensusException(ErrorCode.PLUGIN_FAILED, "pricing: " + RESOURCE + " is missing from the plugin jar");
            }
            return read(in, "pricing:" + RESOURCE);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.PLUGIN_FAILED, "pricing: " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a user's price file
     * @return its table
     * @throws CensusException BAD_USAGE when it is missing or invalid, IO when it cannot be read
     */
    public static PriceTable read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, file + ": no such price file");
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in a price file
     * @param where its name for messages
     * @return its table
     * @throws CensusException BAD_USAGE naming the file and model when it is invalid
     */
    static PriceTable read(InputStream in, String where) {
        Map<?, ?> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (raw == null || !(raw.get("models") instanceof Map<?, ?> models)) {
            throw new CensusException(ErrorCode.BAD_USAGE, where + ": needs 'models: {MODEL: {input: USD, output: USD}}'");
        }
        for (Object k : raw.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": unknown key '" + k + "'; keys are as_of, models");
            }
        }
        Map<String, Price> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : models.entrySet()) {
            String model = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> p) || !(p.get("input") instanceof Number input)
                    || !(p.get("output") instanceof Number output) || p.size() != 2) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": model '" + model
                        + "': needs exactly {input: USD per million tokens, output: USD per million tokens}");
            }
            try {
                out.put(model, new Price(input.doubleValue(), output.doubleValue()));
            } catch (IllegalArgumentException ex) {
                throw new CensusException(ErrorCode.BAD_USAGE, where + ": model '" + model + "': " + ex.getMessage());
            }
        }
        return new PriceTable(out);
    }

    /**
     * @param override entries that replace or add to this table's
     * @return the combined table
     */
    public PriceTable overriddenBy(PriceTable override) {
        Map<String, Price> m = new LinkedHashMap<>(prices);
        m.putAll(override.prices);
        return new PriceTable(m);
    }

    /**
     * @param modelId a catalog id (or a logged id)
     * @return its price, if the table has one
     */
    public Optional<Price> price(String modelId) {
        return Optional.ofNullable(prices.get(modelId));
    }

    /** @return every priced model id */
    public Set<String> models() {
        return prices.keySet();
    }
}
