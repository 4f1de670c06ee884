package org.promptcensus.core.mix;

/**
 * One row of a mix in tidy long format: a (group, period, facet value) cell.
 *
 * @param group the group (e.g. a model id)
 * @param period the period (e.g. the Monday of a week)
 * @param value the facet value (e.g. a category id)
 * @param requests requests (fractional when tags are split by score); null when suppressed
 * @param tokens tokens; null when suppressed
 * @param share the value's share of the group's period, by the chosen weighting; null when suppressed
 * @param correctedShare the share corrected for classifier errors, or null without a confusion matrix
 * @param ciLow the lower end of the corrected share's 95% bootstrap interval, or null
 * @param ciHigh the upper end, or null
 * @param suppressed true when fewer than k distinct users contributed (privacy floor)
 * @param toolShare share of its requests with tool calls; null when suppressed
 * @param reasoningShare share of its completion tokens that are reasoning tokens; null when suppressed
 */
public record MixRow(String group, String period, String value, Double requests, Double tokens, Double share,
                     Double correctedShare, Double ciLow, Double ciHigh, boolean suppressed, Double toolShare,
                     Double reasoningShare) {

    /**
     * @param corrected corrected share
     * @param low interval low
     * @param high interval high
     * @return this row with the corrected figures
     */
    public MixRow withCorrection(Double corrected, Double low, Double high) {
        return new MixRow(group, period, value, requests, tokens, share, corrected, low, high, suppressed, toolShare, reasoningShare);
    }
}
