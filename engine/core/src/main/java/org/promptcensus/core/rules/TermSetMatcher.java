package org.promptcensus.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * An exact phrase: per position, the terms any of which may stand there; {@code anchor} is the
     * position it is looked up by.
     */
    private record Phrase(int rule, String field, String[][] positions, int anchor) {
        Phrase anchoredAt(int position) {
            return new Phrase(rule, field, positions, position);
        }
    }

    private final List<RuleHit> rules = new ArrayList<>();
    private final List<Phrase> pending = new ArrayList<>();
    /** Per field, per anchor term, the phrases anchored on it (built by {@link #seal}). */
    private final Map<String, Map<String, List<Phrase>>> byField = new HashMap<>();
    /**
     * Per field, a bit per hash slot of the anchor terms: most document terms anchor nothing, and
     * this 8 KB filter, which stays in cache, answers them without probing the map.
     */
    private final Map<String, long[]> filters = new HashMap<>();
    private static final int FILTER_BITS = 1 << 16;

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
            put(new Phrase(id, t.getTerm().field(), new String[][] {{t.getTerm().text()}}, 0));
        } else if (q instanceof PhraseQuery p) {
            Term[] terms = p.getTerms();
            String[][] pos = new String[terms.length][];
            for (int i = 0; i < terms.length; i++) {
                pos[i] = new String[] {terms[i].text()};
            }
            put(new Phrase(id, p.getField(), pos, 0));
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
            put(new Phrase(id, field, pos, 0));
        } else if (q instanceof BooleanQuery bq) {
            for (BooleanClause c : bq.clauses()) {
                addPhrases(id, c.getQuery());
            }
        }
    }

    private void put(Phrase p) {
        pending.add(p);
    }

    /**
     * Indexes the phrases added so far, each by the position whose terms are rarest among all the
     * phrases of its field: a phrase starting with "the", or a Chinese word starting with a common
     * character, is then looked at only where its rare part occurs. Call once, after the last
     * {@link #add}.
     */
    void seal() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Phrase p : pending) {
            Map<String, Integer> c = counts.computeIfAbsent(p.field(), k -> new HashMap<>());
            for (String[] alternatives : p.positions()) {
                for (String term : alternatives) {
                    c.merge(term, 1, Integer::sum);
                }
            }
        }
        for (Phrase p : pending) {
            Map<String, Integer> c = counts.get(p.field());
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i < p.positions().length; i++) {
                long cost = 0;
                for (String term : p.positions()[i]) {
                    cost += c.get(term);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = i;
                }
            }
            Phrase anchored = p.anchoredAt(best);
            Map<String, List<Phrase>> byTerm = byField.computeIfAbsent(p.field(), k -> new HashMap<>());
            long[] filter = filters.computeIfAbsent(p.field(), k -> new long[FILTER_BITS / 64]);
            for (String term : p.positions()[best]) {
                byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(anchored);
                int slot = slot(term);
                filter[slot >>> 6] |= 1L << slot;
            }
        }
        pending.clear();
    }

    private static int slot(String term) {
        int h = term.hashCode();
        return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
    }

    /**
     * @param field a field name
     * @return true when some held rule queries it (documents need not provide the others)
     */
    boolean queries(String field) {
        return byField.containsKey(field);
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
        boolean[] matched = new boolean[rules.size()];
        for (Map.Entry<String, Map<String, List<Phrase>>> f : byField.entrySet()) {
            List<List<String>> positions = fields.get(f.getKey());
            if (positions == null) {
                continue;
            }
            Map<String, List<Phrase>> byAnchor = f.getValue();
            long[] filter = filters.get(f.getKey());
            for (int p = 0; p < positions.size(); p++) {
                List<String> here = positions.get(p);
                for (int t = 0; t < here.size(); t++) {
                    String term = here.get(t);
                    int slot = slot(term);
                    if ((filter[slot >>> 6] & (1L << slot)) == 0) {
                        continue;
                    }
                    List<Phrase> phrases = byAnchor.get(term);
                    if (phrases == null) {
                        continue;
                    }
                    for (int i = 0; i < phrases.size(); i++) {
                        Phrase ph = phrases.get(i);
                        if (!matched[ph.rule()] && occursAt(ph, positions, p - ph.anchor())) {
                            matched[ph.rule()] = true;
                            out.add(rules.get(ph.rule()));
                        }
                    }
                }
            }
        }
    }

    private static boolean occursAt(Phrase ph, List<List<String>> positions, int start) {
        String[][] want = ph.positions();
        if (start < 0 || start + want.length > positions.size()) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (i == ph.anchor()) {
                continue;
            }
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
