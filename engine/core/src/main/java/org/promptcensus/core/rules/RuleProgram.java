package org.promptcensus.core.rules;

/**
 * A rule query compiled to a boolean expression over leaf matches (terms, phrases, patterns), with
 * the semantics of Lucene's {@code BooleanQuery}: every MUST clause, no MUST_NOT clause, and at
 * least {@code minShould} SHOULD clauses (at least one when there is no MUST clause). A query
 * without positive clauses matches nothing, as in Lucene.
 *
 * <p>Immutable: thread-safe.
 */
sealed interface RuleProgram {
    /**
     * @param leaves per leaf id, whether it matched the document
     * @return whether the rule matches
     */
    boolean matches(boolean[] leaves);

    /** One term, phrase or pattern. */
    record Leaf(int id) implements RuleProgram {
        @Override
        public boolean matches(boolean[] leaves) {
            return leaves[id];
        }
    }

    /** A boolean combination. */
    record Bool(RuleProgram[] must, RuleProgram[] should, RuleProgram[] mustNot, int minShould) implements RuleProgram {
        @Override
        public boolean matches(boolean[] leaves) {
            if (must.length == 0 && should.length == 0) {
                return false;
            }
            for (RuleProgram p : must) {
                if (!p.matches(leaves)) {
                    return false;
                }
            }
            for (RuleProgram p : mustNot) {
                if (p.matches(leaves)) {
                    return false;
                }
            }
            int need = must.length == 0 ? Math.max(1, minShould) : minShould;
            if (need == 0) {
                return true;
            }
            int left = should.length;
            for (RuleProgram p : should) {
                if (p.matches(leaves) && --need == 0) {
                    return true;
                }
                if (--left < need) {
                    return false;
                }
            }
            return false;
        }
    }
}
