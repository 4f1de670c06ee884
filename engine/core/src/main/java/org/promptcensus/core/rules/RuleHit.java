package org.promptcensus.core.rules;

/**
 * A rule that matched a request.
 *
 * @param category the category it argues for (or against)
 * @param ruleId the rule's id within its category
 * @param weight its log-odds evidence
 */
public record RuleHit(String category, String ruleId, double weight) {
    /** @return {@code category:ruleId}, the id shown in explanations */
    public String qualifiedId() {
        return category + ":" + ruleId;
    }
}
