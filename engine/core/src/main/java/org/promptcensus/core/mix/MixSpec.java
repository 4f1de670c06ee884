package org.promptcensus.core.mix;

/**
 * What a mix computes.
 *
 * @param taxonomy the taxonomy whose tags are rolled up
 * @param by the grouping
 * @param period the time buckets
 * @param facet what each group is split into
 * @param weighting tokens or requests
 * @param labels how multi-label tags count
 * @param privacyK cells with fewer distinct users are suppressed (0 disables)
 */
public record MixSpec(String taxonomy, Dimension by, Period period, Facet facet, Weighting weighting, LabelMode labels,
                      int privacyK) {
    /** The default: use-case mix per model over the whole period, token-weighted, primary tags, k = 10. */
    public static final MixSpec DEFAULT = new MixSpec("usecase", Dimension.MODEL, Period.ALL, Facet.CATEGORY,
            Weighting.TOKENS, LabelMode.PRIMARY, 10);

    /** Validates the components. */
    public MixSpec {
        if (privacyK < 0) {
            throw new IllegalArgumentException("privacy k must be >= 0");
        }
    }
}
