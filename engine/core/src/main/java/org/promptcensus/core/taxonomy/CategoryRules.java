package org.promptcensus.core.taxonomy;

import java.util.List;

/**
 * The rules of one category, as read from {@code rules/<category>.yaml}.
 *
 * @param category the category id
 * @param rules its rules
 */
public record CategoryRules(String category, List<RuleDefinition> rules) {
    /** Copies the list. */
    public CategoryRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
