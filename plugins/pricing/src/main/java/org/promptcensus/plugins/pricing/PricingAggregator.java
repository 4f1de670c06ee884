package org.promptcensus.plugins.pricing;

import java.util.List;
import org.pf4j.Extension;
import org.promptcensus.api.spi.Aggregator;

/**
 * {@code census mix --aggregator pricing}: spend per model and category from a price table, the
 * effective (blended) price per category, and the price elasticity of usage across models.
 *
 * <p>Thread-safe: stateless; each {@link #newState} is independent.
 */
@Extension
public class PricingAggregator implements Aggregator {
    @Override
    public String id() {
        return "pricing";
    }

    @Override
    public String description() {
        return "spend per model and category, blended price per category, price elasticity of usage (options: prices=FILE, taxonomy=ID)";
    }

    @Override
    public State newState(List<String> options) {
        return new PricingState(PricingOptions.parse(options));
    }
}
