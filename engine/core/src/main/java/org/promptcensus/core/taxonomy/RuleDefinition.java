package org.promptcensus.core.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * A rule as written in a rules file.
 *
 * @param id the rule id, unique within its category
 * @param query a Lucene classic-syntax query
 * @param weight the log-odds evidence a match adds to its category
 * @param lang the languages it applies to; empty for all
 */
public record RuleDefinition(String id, String query, double weight, List<String> lang) {
    /** Validates and copies the components. */
    public RuleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        lang = lang == null ? List.of() : List.copyOf(lang);
    }
}
