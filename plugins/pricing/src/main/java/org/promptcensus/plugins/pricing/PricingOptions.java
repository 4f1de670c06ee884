package org.promptcensus.plugins.pricing;

import java.nio.file.Path;
import java.util.List;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * The options of the pricing aggregator, from {@code --aggregator-option KEY=VALUE}:
 * {@code prices=FILE} (a price file whose entries replace the bundled ones model by model) and
 * {@code taxonomy=ID} (whose primary tag is the category; default {@code usecase}). Unknown keys
 * are rejected. Immutable.
 *
 * @param prices the price table in effect
 * @param taxonomy the taxonomy whose categories spend is split by
 */
public record PricingOptions(PriceTable prices, String taxonomy) {
    /**
     * @param options {@code KEY=VALUE} strings
     * @return the options
     * @throws CensusException BAD_USAGE for an unknown key, a value-less option or a bad price file
     */
    public static PricingOptions parse(List<String> options) {
        PriceTable prices = PriceTable.bundled();
        String taxonomy = "usecase";
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new CensusException(ErrorCode.BAD_USAGE, "pricing: option '" + o + "' is not KEY=VALUE; options are prices=FILE, taxonomy=ID");
            }
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            switch (key) {
                case "prices" -> prices = prices.overriddenBy(PriceTable.read(Path.of(value)));
                case "taxonomy" -> taxonomy = value;
                default -> throw new CensusException(ErrorCode.BAD_USAGE, "pricing: unknown option '" + key
                        + "'; options are prices=FILE, taxonomy=ID");
            }
        }
        return new PricingOptions(prices, taxonomy);
    }
}
