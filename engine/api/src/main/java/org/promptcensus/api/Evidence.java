package org.promptcensus.api;

import java.util.Objects;

/**
 * One piece of evidence behind a tag score: a rule that matched, a model feature, or a plugin's
 * contribution.
 *
 * @param kind where the evidence comes from
 * @param source the rule id, feature name or plugin id
 * @param weight its contribution to the category's log-odds (positive for, negative against)
 */
public record Evidence(Kind kind, String source, double weight) {

    /** Where evidence comes from. */
    public enum Kind {
        /** A taxonomy rule (a Lucene query) matched. */
        RULE,
        /** The statistical model's probability or one of its strongest features. */
        MODEL,
        /** A plugin tagger contributed it. */
        PLUGIN
    }

    /** Validates the components. */
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
