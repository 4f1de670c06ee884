package org.promptcensus.api.spi;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.TaggedRequest;

/**
 * A roll-up over tagged records, like the built-in use-case mixes: {@code census mix --aggregator ID}
 * runs it over a log and prints its table.
 *
 * <p>Thread-safety: the aggregator itself may be shared; each run asks for a fresh
 * {@link State}, which is used by one thread (per-thread states are {@link State#merge merged}).
 */
public interface Aggregator extends ExtensionPoint {
    /** @return the id used with {@code --aggregator} */
    String id();

    /** @return one line for {@code census plugins} */
    default String description() {
        return id();
    }

    /**
     * @param options {@code KEY=VALUE} options from {@code --aggregator-option}; unknown keys should be rejected
     * @return a fresh, empty state
     */
    State newState(List<String> options);

    /** The running totals of one aggregation. Not thread-safe. */
    interface State {
        /**
         * @param record a tagged record (its messages may be empty: aggregators must not need prompt text)
         * @param model the model's catalog entry
         */
        void add(TaggedRequest record, ModelInfo model);

        /** @param other a state of the same aggregator, whose totals are added to this one */
        void merge(State other);

        /** @return the result as a table: the first row holds the column names */
        List<List<String>> table();
    }
}
