package org.promptcensus.core.rules;

import org.promptcensus.api.Evidence;

/**
 * A rule that matched a request, or a plugin tagger's contribution.
 *
 * @param category the category it argues for (or against)
 * @param ruleId the rule's id within its category (for plugins: the plugin's source name)
 * @param weight its log-odds evidence
 * @param kind {@link Evidence.Kind#RULE} or {@link Evidence.Kind#PLUGIN}
 */
public record RuleHit(String category, String ruleId, double weight, Evidence.Kind kind) {
    /**
     * @param category category
     * @param ruleId rule id
     * @param weight weight
     */
    public RuleHit(String category, String ruleId, double weight) {
        this(category, ruleId, weight, Evidence.Kind.RULE);
    }

    /** @return {@code category:ruleId}, the id shown in explanations */
    public String qualifiedId() {
        return category + ":" + ruleId;
    }
}
