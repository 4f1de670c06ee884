package org.promptcensus.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Matches rules that are plain disjunctions of terms and exact phrases (the lexicon rules: "any of
 * these 200 drug names") through one inverted map from analysed term to the phrases that start
 * with it. Such rules need no query evaluation: a document matches when one of its phrases occurs.
 * lucene-monitor indexes a disjunction as one stored query per clause and runs every candidate
 * clause as a search, which for lexicons of hundreds of terms costs far more than a lookup per
 * document term. Every other rule (proximity, AND/NOT, boosts, wildcards) goes to lucene-monitor.
 *
 * <p>Built once, then read-only: thread-safe.
 */
final class TermSetMatcher {
    /** An exact phrase: per position, the terms any of which may stand there. */
    private record Phrase(int rule, String field, String[][] positions) {
    }

    private final List<RuleHit> rules = new ArrayList<>();
    private final Map<String, List<Phrase>> byFirstTerm = new HashMap<>();

    /**
     * @param q a parsed rule query
     * @return true when it is a disjunction of terms and exact phrases only (possibly a single one)
     */
    static boolean accepts(Query q) {
        if (q instanceof BoostQuery b) {
            return accepts(b.getQuery());
        }
        if (q instanceof TermQuery || isExactPhrase(q)) {
            return true;
        }
        if (q instanceof BooleanQuery bq) {
            if (bq.getMinimumNumberShouldMatch() > 1 || bq.clauses().isEmpty()) {
                return false;
            }
            for (BooleanClause c : bq.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.SHOULD || !accepts(c.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isExactPhrase(Query q) {
        if (q instanceof PhraseQuery p) {
            int[] pos = p.getPositions();
            for (int i = 1; i < pos.length; i++) {
                if (pos[i] != pos[i - 1] + 1) {
                    return false;
                }
            }
            return p.getSlop() == 0 && pos.length > 0;
        }
        if (q instanceof MultiPhraseQuery m) {
            int[] pos = m.getPositions();
            for (int i = 1; i < pos.length; i++) {
                if (pos[i] != pos[i - 1] + 1) {
                    return false;
                }
            }
            return m.getSlop() == 0 && pos.length > 0;
        }
        return false;
    }

    /**
     * @param hit what a match of the rule reports
     * @param q an accepted query
     */
    void add(RuleHit hit, Query q) {
        int id = rules.size();
        rules.add(hit);
        addPhrases(id, q);
    }

    private void addPhrases(int id, Query q) {
        if (q instanceof BoostQuery b) {
            addPhrases(id, b.getQuery());
        } else if (q instanceof TermQuery t) {
            put(new Phrase(id, t.getTerm().field(), new String[][] {{t.getTerm().text()}}));
        } else if (q instanceof PhraseQuery p) {
            Term[] terms = p.getTerms();
            String[][] pos = new String[terms.length][];
            for (int i = 0; i < terms.length; i++) {
                pos[i] = new String[] {terms[i].text()};
            }
            put(new Phrase(id, p.getField(), pos));
        } else if (q instanceof MultiPhraseQuery m) {
            Term[][] arrays = m.getTermArrays();
            String[][] pos = new String[arrays.length][];
            String field = null;
            for (int i = 0; i < arrays.length; i++) {
                pos[i] = new String[arrays[i].length];
                for (int j = 0; j < arrays[i].length; j++) {
                    pos[i][j] = arrays[i][j].text();
                    field = arrays[i][j].field();
                }
            }
            put(new Phrase(id, field, pos));
        } else if (q instanceof BooleanQuery bq) {
            for (BooleanClause c : bq.clauses()) {
                addPhrases(id, c.getQuery());
            }
        }
    }

    private void put(Phrase p) {
        for (String first : p.positions()[0]) {
            byFirstTerm.computeIfAbsent(p.field() + "\u0000" + first, k -> new ArrayList<>()).add(p);
        }
    }

    /** @return the number of rules held */
    int size() {
        return rules.size();
    }

    /**
     * @param fields per field, the document's terms by position (a position may hold several terms)
     * @param out receives each matching rule once
     */
    void match(Map<String, List<List<String>>> fields, List<RuleHit> out) {
        if (rules.isEmpty()) {
            return;
        }
        Set<Integer> matched = new HashSet<>();
        for (Map.Entry<String, List<List<String>>> f : fields.entrySet()) {
            List<List<String>> positions = f.getValue();
            for (int p = 0; p < positions.size(); p++) {
                for (String term : positions.get(p)) {
                    List<Phrase> phrases = byFirstTerm.get(f.getKey() + "\u0000" + term);
                    if (phrases == null) {
                        continue;
                    }
                    for (Phrase ph : phrases) {
                        if (!matched.contains(ph.rule()) && occursAt(ph, positions, p)) {
                            matched.add(ph.rule());
                            out.add(rules.get(ph.rule()));
                        }
                    }
                }
            }
        }
    }

    private static boolean occursAt(Phrase ph, List<List<String>> positions, int start) {
        String[][] want = ph.positions();
        if (start + want.length > positions.size()) {
            return false;
        }
        for (int i = 1; i < want.length; i++) {
            List<String> here = positions.get(start + i);
            boolean any = false;
            for (String w : want[i]) {
                if (here.contains(w)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
