package org.promptcensus.core.taxonomy;

import java.util.Map;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * How a taxonomy's shipped model is trained, the {@code training:} section of {@code taxonomy.yaml}
 * (every key optional). Lets a taxonomy tune its model without code.
 *
 * @param iterations maximum L-BFGS iterations (default 100)
 * @param cutoff features seen fewer times are dropped (default 2)
 * @param l2 L2 regularization cost, higher generalizes more (default 2.0)
 * @param bigrams whether word bigrams are features besides single words (default true)
 * @param headTerms how many opening content terms of the last user turn are also features of their
 *                  own, marking the request's head, where the task is usually stated (default 0: none)
 * @param repeat per category, how many times each of its training samples counts (a sample weight;
 *               default 1), e.g. to make a rare concern weigh more against a large negative class
 * @param borrow records of another taxonomy's seed corpus used as training samples, or null
 */
public record TrainingSettings(Integer iterations, Integer cutoff, Double l2, Boolean bigrams, Integer headTerms,
                               Map<String, Integer> repeat, Borrow borrow) {
    /** The defaults. */
    public static final TrainingSettings DEFAULT = new TrainingSettings(null, null, null, null, null, null, null);

    /**
     * Training samples taken from the seed corpus of another taxonomy (the folder next to this
     * taxonomy's seed folder), relabelled: typically ordinary requests as the negative class.
     *
     * @param taxonomy the other taxonomy's id, e.g. {@code usecase}
     * @param as the category its records become
     * @param map per label of the other taxonomy (its primary label), a different category of this
     *            one, or {@code skip} to leave those records out
     * @param every take one record in this many (chosen by a hash of the record id; default 1, all), to keep the borrowed
     *              class from outweighing the taxonomy's own records
     */
    public record Borrow(String taxonomy, String as, Map<String, String> map, Integer every) {
        /** The value of {@link #map} that leaves records out. */
        public static final String SKIP = "skip";

        /** Validates and copies. */
        public Borrow {
            if (taxonomy == null || as == null) {
                throw new CensusException(ErrorCode.BAD_TAXONOMY, "training.borrow needs 'taxonomy' and 'as'");
            }
            map = map == null ? Map.of() : Map.copyOf(map);
            every = every == null ? 1 : every;
            if (every < 1) {
                throw new CensusException(ErrorCode.BAD_TAXONOMY, "training.borrow.every must be >= 1");
            }
        }

        /**
         * @param otherPrimary the record's primary label in the other taxonomy
         * @return the category it becomes here, or null to leave it out
         */
        public String labelFor(String otherPrimary) {
            String mapped = map.getOrDefault(otherPrimary, as);
            return SKIP.equals(mapped) ? null : mapped;
        }
    }

    /** Validates and fills the defaults. */
    public TrainingSettings {
        iterations = iterations == null ? 100 : iterations;
        cutoff = cutoff == null ? 2 : cutoff;
        l2 = l2 == null ? 2.0 : l2;
        bigrams = bigrams == null ? Boolean.TRUE : bigrams;
        headTerms = headTerms == null ? 0 : headTerms;
        repeat = repeat == null ? Map.of() : Map.copyOf(repeat);
        if (iterations < 1 || cutoff < 0 || l2 < 0 || headTerms < 0) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY, "training: iterations >= 1, cutoff >= 0, l2 >= 0 and headTerms >= 0 required");
        }
        for (Map.Entry<String, Integer> e : repeat.entrySet()) {
            if (e.getValue() < 1) {
                throw new CensusException(ErrorCode.BAD_TAXONOMY, "training.repeat." + e.getKey() + " must be >= 1");
            }
        }
    }

    /**
     * @param category a category id
     * @return how many times each of its samples counts
     */
    public int repeatOf(String category) {
        return repeat.getOrDefault(category, 1);
    }
}
