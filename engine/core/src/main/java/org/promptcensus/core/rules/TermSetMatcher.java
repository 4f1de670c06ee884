package org.promptcensus.core.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.Transition;

/**
 * Matches rules without running them as searches. A rule made of terms, phrases (exact or sloppy),
 * patterns (regexp, wildcard, prefix) and AND / OR / NOT is compiled into leaves and a
 * {@link RuleProgram} over them. A document is matched in one pass over its terms: an inverted map
 * from analysed term to the phrases anchored on it finds the exact phrases and the candidates of
 * sloppy ones, whose proximity is then checked on the positions of their terms; patterns run over
 * the document's distinct terms; and the programs of the rules whose leaves matched are evaluated.
 * lucene-monitor, by contrast, searches its query index for candidate rules and runs each one as a
 * query over an in-memory index of the document, which costs far more per rule. What this class
 * does not accept (sloppy multi-phrases, spans, fuzzy and range queries) goes to lucene-monitor; {@code TermSetEquivalenceTest} checks on the seed corpora
 * that both find exactly the same rules.
 *
 * <p>Built once, then read-only: thread-safe.
 */
final class TermSetMatcher {
    /**
     * A phrase, looked up by the terms of position {@code anchor}. {@code positions[i]} holds the
     * terms any of which may stand at offset {@code offsets[i]}. An exact contiguous phrase is
     * checked where its anchor occurs; any other ({@code sloppy}) is a candidate there and is
     * checked on term positions afterwards, except a {@code pair}: a sloppy phrase of two
     * positions with no term in both matches around an occurrence of its anchor exactly when the
     * other position's terms occur within the slop of it, which {@link #pairNear} checks in place.
     */
    private record Phrase(int leaf, String field, String[][] positions, int[] offsets, int slop, boolean sloppy, int anchor,
                          boolean pair) {
        Phrase anchoredAt(int position) {
            return new Phrase(leaf, field, positions, offsets, slop, sloppy, position, pair);
        }
    }

    /**
     * A pattern leaf: a term of the field must be accepted by the automaton. {@code firstChars}
     * holds the characters an accepted term can start with (null: any, or the empty term), so
     * that most terms are turned away before the automaton runs.
     */
    private record Pattern(int leaf, String field, CharacterRunAutomaton automaton, BitSet firstChars) {
        static Pattern of(int leaf, String field, Automaton a) {
            BitSet first = new BitSet();
            boolean any = a.getNumStates() == 0 || a.isAccept(0);
            Transition t = new Transition();
            int count = a.getNumStates() == 0 ? 0 : a.initTransition(0, t);
            for (int i = 0; i < count && !any; i++) {
                a.getNextTransition(t);
                if (t.max > Character.MAX_VALUE) {
                    any = true;
                } else {
                    first.set(t.min, t.max + 1);
                }
            }
            return new Pattern(leaf, field, new CharacterRunAutomaton(a), any ? null : first);
        }

        boolean mayAccept(String term) {
            return firstChars == null || (!term.isEmpty() && firstChars.get(term.charAt(0)));
        }
    }

    private final List<RuleHit> rules = new ArrayList<>();
    private final List<RuleProgram> programs = new ArrayList<>();
    /** Leaf ids by their query (Lucene queries are equal when they match alike): a phrase used by several rules is checked once. */
    private final Map<Query, Integer> leafIds = new HashMap<>();
    private final List<Phrase> phrases = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    /** Per leaf, the rules that use it (built by {@link #seal}). */
    private int[][] rulesOfLeaf = new int[0][];
    private final List<List<Integer>> rulesOfLeafBuilder = new ArrayList<>();
    /** Per field, per anchor term, the phrases anchored on it (built by {@link #seal}). */
    private final Map<String, TermTable<Anchored>> byField = new HashMap<>();

    /**
     * The phrases anchored on one term. Exact contiguous phrases of two or more terms are filed
     * under their anchor's neighbour too (the term after it, or before it when the anchor ends the
     * phrase): a frequent anchor such as "write" anchors hundreds of phrases, and only those whose
     * neighbour is the document's next (or previous) term need checking.
     */
    private static final class Anchored {
        /** Single terms and sloppy phrases: checked wherever the anchor occurs. */
        final List<Phrase> any = new ArrayList<>(1);
        /** Exact phrases by the term right after the anchor. */
        TermTable<List<Phrase>> byNext;
        /** Exact phrases ending with the anchor, by the term right before it. */
        TermTable<List<Phrase>> byPrevious;
    }
    /** Per field, its pattern leaves. */
    private final Map<String, List<Pattern>> patternsByField = new HashMap<>();
    private final Set<String> fields = new HashSet<>();
    /**
     * Per field, a bit per hash slot of the anchor terms: most document terms anchor nothing, and
     * this 32 KB filter (about one bit in six set for the 17,000 anchor terms of the Chinese rules)
     * answers them without probing the map.
     */
    private final Map<String, long[]> filters = new HashMap<>();
    private static final int FILTER_BITS = 1 << 18;

    /**
     * @param q a parsed rule query
     * @return true when this matcher can match it exactly as Lucene would
     */
    static boolean accepts(Query q) {
        if (q instanceof BoostQuery b) {
            return accepts(b.getQuery());
        }
        if (q instanceof TermQuery) {
            return true;
        }
        if (q instanceof SynonymQuery s) {
            return !s.getTerms().isEmpty();
        }
        if (q instanceof PhraseQuery p) {
            return p.getTerms().length > 0;
        }
        if (q instanceof MultiPhraseQuery m) {
            return m.getSlop() == 0 && m.getPositions().length > 0;
        }
        if (q instanceof PrefixQuery) {
            return true;
        }
        if (q instanceof AutomatonQuery a) {
            return !a.isAutomatonBinary();
        }
        if (q instanceof BooleanQuery bq) {
            if (bq.clauses().isEmpty()) {
                return false;
            }
            for (BooleanClause c : bq.clauses()) {
                if (!accepts(c.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * @param hit what a match of the rule reports
     * @param q an accepted query
     */
    void add(RuleHit hit, Query q) {
        int rule = rules.size();
        rules.add(hit);
        programs.add(compile(rule, q));
    }

    private RuleProgram compile(int rule, Query q) {
        if (q instanceof BoostQuery b) {
            return compile(rule, b.getQuery());
        }
        if (q instanceof BooleanQuery bq) {
            List<RuleProgram> must = new ArrayList<>();
            List<RuleProgram> should = new ArrayList<>();
            List<RuleProgram> mustNot = new ArrayList<>();
            for (BooleanClause c : bq.clauses()) {
                RuleProgram p = compile(rule, c.getQuery());
                switch (c.getOccur()) {
                    case MUST, FILTER -> must.add(p);
                    case SHOULD -> should.add(p);
                    case MUST_NOT -> mustNot.add(p);
                }
            }
            return new RuleProgram.Bool(must.toArray(RuleProgram[]::new), should.toArray(RuleProgram[]::new),
                    mustNot.toArray(RuleProgram[]::new), bq.getMinimumNumberShouldMatch());
        }
        return new RuleProgram.Leaf(leaf(rule, q));
    }

    private int leaf(int rule, Query q) {
        Integer known = leafIds.get(q);
        int id;
        if (known != null) {
            id = known;
        } else {
            id = leafIds.size();
            leafIds.put(q, id);
            rulesOfLeafBuilder.add(new ArrayList<>());
            define(id, q);
        }
        List<Integer> users = rulesOfLeafBuilder.get(id);
        if (users.isEmpty() || users.get(users.size() - 1) != rule) {
            users.add(rule);
        }
        return id;
    }

    private void define(int id, Query q) {
        if (q instanceof TermQuery t) {
            phrase(id, t.getTerm().field(), new String[][] {{t.getTerm().text()}}, new int[] {0}, 0);
        } else if (q instanceof SynonymQuery s) {
            phrase(id, s.getField(), new String[][] {s.getTerms().stream().map(Term::text).toArray(String[]::new)}, new int[] {0}, 0);
        } else if (q instanceof PhraseQuery p) {
            Term[] terms = p.getTerms();
            String[][] pos = new String[terms.length][];
            for (int i = 0; i < terms.length; i++) {
                pos[i] = new String[] {terms[i].text()};
            }
            phrase(id, p.getField(), pos, p.getPositions(), p.getSlop());
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
            phrase(id, field, pos, m.getPositions(), 0);
        } else if (q instanceof PrefixQuery p) {
            // its automaton runs over UTF-8 bytes; the same prefix as a character automaton
            String field = p.getField();
            fields.add(field);
            patterns.add(Pattern.of(id, field, Operations.concatenate(Automata.makeString(p.getPrefix().text()), Automata.makeAnyString())));
        } else if (q instanceof AutomatonQuery a) {
            String field = a.getField();
            fields.add(field);
            patterns.add(Pattern.of(id, field, a.getAutomaton()));
        } else {
            throw new IllegalArgumentException("not accepted: " + q);
        }
    }

    private void phrase(int id, String field, String[][] positions, int[] offsets, int slop) {
        boolean contiguous = true;
        for (int i = 1; i < offsets.length; i++) {
            contiguous &= offsets[i] == offsets[i - 1] + 1;
        }
        fields.add(field);
        boolean sloppy = slop > 0 || !contiguous;
        phrases.add(new Phrase(id, field, positions, offsets, slop, sloppy, 0, sloppy && positions.length == 2 && !repeats(positions)));
    }

    /**
     * Indexes the leaves added so far, each phrase by the position whose terms are rarest among all
     * the phrases of its field: a phrase starting with "the", or a Chinese word starting with a
     * common character, is then looked at only where its rare part occurs. Call once, after the
     * last {@link #add}.
     */
    void seal() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Phrase p : phrases) {
            Map<String, Integer> c = counts.computeIfAbsent(p.field(), k -> new HashMap<>());
            for (String[] alternatives : p.positions()) {
                for (String term : alternatives) {
                    c.merge(term, 1, Integer::sum);
                }
            }
        }
        for (Phrase p : phrases) {
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
            TermTable<Anchored> byTerm = byField.computeIfAbsent(p.field(), k -> new TermTable<>());
            long[] filter = filters.computeIfAbsent(p.field(), k -> new long[FILTER_BITS / 64]);
            int neighbour = p.sloppy() || p.positions().length < 2 ? -1 : best + 1 < p.positions().length ? best + 1 : best - 1;
            for (String term : p.positions()[best]) {
                Anchored a = byTerm.computeIfAbsent(term, Anchored::new);
                if (neighbour < 0) {
                    a.any.add(anchored);
                } else {
                    TermTable<List<Phrase>> table;
                    if (neighbour > best) {
                        table = a.byNext == null ? (a.byNext = new TermTable<>()) : a.byNext;
                    } else {
                        table = a.byPrevious == null ? (a.byPrevious = new TermTable<>()) : a.byPrevious;
                    }
                    for (String n : p.positions()[neighbour]) {
                        table.computeIfAbsent(n, ArrayList::new).add(anchored);
                    }
                }
                int slot = slot(term);
                filter[slot >>> 6] |= 1L << slot;
            }
        }
        for (Pattern p : patterns) {
            patternsByField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p);
        }
        rulesOfLeaf = new int[rulesOfLeafBuilder.size()][];
        for (int i = 0; i < rulesOfLeaf.length; i++) {
            rulesOfLeaf[i] = rulesOfLeafBuilder.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        rulesOfLeafBuilder.clear();
        phrases.clear();
        patterns.clear();
        leafIds.clear();
    }

    private static int slot(String term) {
        return TermTable.hash(term) & (FILTER_BITS - 1);
    }

    /**
     * @param field a field name
     * @return true when some held rule queries it (documents need not provide the others)
     */
    boolean queries(String field) {
        return fields.contains(field);
    }

    /** @return the number of rules held */
    int size() {
        return rules.size();
    }

    /**
     * @param fields per field, the document's terms by position (index = Lucene position; a
     *        position may hold several terms, or none)
     * @param out receives each matching rule once
     */
    void match(Map<String, List<List<String>>> fields, List<RuleHit> out) {
        if (rules.isEmpty()) {
            return;
        }
        MatchedLeaves leaves = new MatchedLeaves(rulesOfLeaf.length);
        List<Phrase> candidates = null;
        for (Map.Entry<String, TermTable<Anchored>> f : byField.entrySet()) {
            List<List<String>> positions = fields.get(f.getKey());
            if (positions == null) {
                continue;
            }
            TermTable<Anchored> byAnchor = f.getValue();
            long[] filter = filters.get(f.getKey());
            for (int p = 0; p < positions.size(); p++) {
                List<String> here = positions.get(p);
                for (int t = 0; t < here.size(); t++) {
                    String term = here.get(t);
                    int slot = slot(term);
                    if ((filter[slot >>> 6] & (1L << slot)) == 0) {
                        continue;
                    }
                    Anchored anchored = byAnchor.get(term);
                    if (anchored == null) {
                        continue;
                    }
                    candidates = check(anchored.any, positions, p, leaves, candidates);
                    if (anchored.byNext != null && p + 1 < positions.size()) {
                        candidates = checkByNeighbour(anchored.byNext, positions, p, p + 1, leaves, candidates);
                    }
                    if (anchored.byPrevious != null && p > 0) {
                        candidates = checkByNeighbour(anchored.byPrevious, positions, p, p - 1, leaves, candidates);
                    }
                }
            }
        }
        if (candidates != null) {
            matchSloppy(candidates, fields, leaves);
        }
        for (Map.Entry<String, List<Pattern>> f : patternsByField.entrySet()) {
            List<List<String>> positions = fields.get(f.getKey());
            if (positions != null) {
                matchPatterns(f.getValue(), positions, leaves);
            }
        }
        boolean[] evaluated = new boolean[rules.size()];
        for (int i = 0; i < leaves.count; i++) {
            for (int rule : rulesOfLeaf[leaves.ids[i]]) {
                if (!evaluated[rule]) {
                    evaluated[rule] = true;
                    if (programs.get(rule).matches(leaves.flags)) {
                        out.add(rules.get(rule));
                    }
                }
            }
        }
    }

    /** Checks the phrases filed under each term at the neighbour position. */
    private static List<Phrase> checkByNeighbour(TermTable<List<Phrase>> byNeighbour, List<List<String>> positions, int p, int neighbour,
                                                 MatchedLeaves leaves, List<Phrase> candidates) {
        List<String> there = positions.get(neighbour);
        for (int i = 0; i < there.size(); i++) {
            List<Phrase> phrases = byNeighbour.get(there.get(i));
            if (phrases != null) {
                candidates = check(phrases, positions, p, leaves, candidates);
            }
        }
        return candidates;
    }

    /**
     * Checks phrases anchored at position {@code p}: exact ones and two-term sloppy ones in place,
     * other sloppy ones are returned as candidates for {@link #matchSloppy}.
     */
    private static List<Phrase> check(List<Phrase> anchored, List<List<String>> positions, int p, MatchedLeaves leaves,
                                      List<Phrase> candidates) {
        for (int i = 0; i < anchored.size(); i++) {
            Phrase ph = anchored.get(i);
            if (leaves.has(ph.leaf())) {
                continue;
            }
            if (ph.pair()) {
                if (pairNear(ph, positions, p)) {
                    leaves.set(ph.leaf());
                }
            } else if (ph.sloppy()) {
                if (candidates == null) {
                    candidates = new ArrayList<>();
                }
                candidates.add(ph);
            } else if (occursAt(ph, positions, p - ph.anchor())) {
                leaves.set(ph.leaf());
            }
        }
        return candidates;
    }

    /**
     * Lucene's sloppy match of two distinct terms: shifted back by their offsets in the phrase,
     * their positions lie within {@code slop} of each other. Checked around one occurrence of the
     * anchor (every occurrence is visited), without the position lists of {@link #matchSloppy}.
     */
    private static boolean pairNear(Phrase ph, List<List<String>> positions, int anchorPosition) {
        int other = 1 - ph.anchor();
        int centre = anchorPosition - ph.offsets()[ph.anchor()] + ph.offsets()[other];
        int from = Math.max(0, centre - ph.slop());
        int to = Math.min(positions.size() - 1, centre + ph.slop());
        String[] want = ph.positions()[other];
        for (int q = from; q <= to; q++) {
            List<String> here = positions.get(q);
            for (String w : want) {
                if (here.contains(w)) {
                    return true;
                }
            }
        }
        return false;
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

    /**
     * Checks candidate sloppy phrases as Lucene's sloppy phrase matcher does: with each term's
     * position shifted back by its offset in the phrase, some choice of occurrences must lie within
     * {@code slop} of each other (the smallest window over the shifted occurrence lists).
     */
    private static void matchSloppy(List<Phrase> candidates, Map<String, List<List<String>>> fields, MatchedLeaves leaves) {
        Map<String, TermTable<int[]>> occurrences = new HashMap<>(4);
        for (Phrase ph : candidates) {
            if (leaves.has(ph.leaf())) {
                continue;
            }
            TermTable<int[]> byTerm = occurrences.get(ph.field());
            if (byTerm == null) {
                byTerm = occurrences(fields.get(ph.field()));
                occurrences.put(ph.field(), byTerm);
            }
            String[][] want = ph.positions();
            int[][] lists = new int[want.length][];
            boolean all = true;
            for (int i = 0; i < want.length && all; i++) {
                lists[i] = shifted(byTerm, want[i], ph.offsets()[i]);
                all = lists[i].length > 0;
            }
            if (all && (repeats(want) ? withinSlopDistinct(lists, ph.offsets(), want, ph.slop()) : withinSlop(lists, ph.slop()))) {
                leaves.set(ph.leaf());
            }
        }
    }

    /** Per term, its positions: element 0 holds the count, the positions follow in order. */
    private static TermTable<int[]> occurrences(List<List<String>> positions) {
        TermTable<int[]> out = new TermTable<>(positions.size() * 2);
        for (int p = 0; p < positions.size(); p++) {
            List<String> here = positions.get(p);
            for (int t = 0; t < here.size(); t++) {
                String term = here.get(t);
                int[] list = out.get(term);
                if (list == null) {
                    list = new int[4];
                    out.put(term, list);
                } else if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    out.put(term, list);
                }
                list[++list[0]] = p;
            }
        }
        return out;
    }

    private static final int[] NONE = new int[0];

    /** The sorted positions where any of the terms occurs, minus the offset. */
    private static int[] shifted(TermTable<int[]> byTerm, String[] terms, int offset) {
        if (terms.length == 1) {
            int[] list = byTerm.get(terms[0]);
            if (list == null) {
                return NONE;
            }
            int[] out = new int[list[0]];
            for (int i = 0; i < out.length; i++) {
                out[i] = list[i + 1] - offset;
            }
            return out;
        }
        int n = 0;
        for (String term : terms) {
            int[] list = byTerm.get(term);
            n += list == null ? 0 : list[0];
        }
        int[] out = new int[n];
        n = 0;
        for (String term : terms) {
            int[] list = byTerm.get(term);
            if (list != null) {
                System.arraycopy(list, 1, out, n, list[0]);
                n += list[0];
            }
        }
        Arrays.sort(out);
        int distinct = 0;
        int previous = 0;
        for (int i = 0; i < out.length; i++) {
            int position = out[i];
            if (i == 0 || position != previous) {
                out[distinct++] = position - offset;
            }
            previous = position;
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    /** @return whether a term stands at more than one position of the phrase */
    private static boolean repeats(String[][] positions) {
        for (int i = 0; i < positions.length; i++) {
            for (int j = i + 1; j < positions.length; j++) {
                for (String a : positions[i]) {
                    for (String b : positions[j]) {
                        if (a.equals(b)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * The proximity check of a phrase that repeats a term ("one on one"): as Lucene's sloppy
     * matcher, the repeated term's occurrences must be distinct document positions. Tries each
     * shifted occurrence as the window's start and looks for distinct positions inside it.
     */
    private static boolean withinSlopDistinct(int[][] lists, int[] offsets, String[][] terms, int slop) {
        int[] chosen = new int[lists.length];
        for (int[] list : lists) {
            for (int lo : list) {
                if (assign(0, lo, lo + slop, lists, offsets, terms, chosen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean assign(int j, int lo, int hi, int[][] lists, int[] offsets, String[][] terms, int[] chosen) {
        if (j == lists.length) {
            return true;
        }
        int[] list = lists[j];
        int from = Arrays.binarySearch(list, lo);
        for (int i = from < 0 ? -from - 1 : from; i < list.length && list[i] <= hi; i++) {
            int position = list[i] + offsets[j];
            boolean taken = false;
            for (int k = 0; k < j && !taken; k++) {
                taken = chosen[k] == position && Arrays.equals(terms[k], terms[j]);
            }
            if (!taken) {
                chosen[j] = position;
                if (assign(j + 1, lo, hi, lists, offsets, terms, chosen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean withinSlop(int[][] lists, int slop) {
        int[] at = new int[lists.length];
        while (true) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            int minList = 0;
            for (int i = 0; i < lists.length; i++) {
                int v = lists[i][at[i]];
                if (v < min) {
                    min = v;
                    minList = i;
                }
                max = Math.max(max, v);
            }
            if (max - min <= slop) {
                return true;
            }
            if (++at[minList] == lists[minList].length) {
                return false;
            }
        }
    }

    private static void matchPatterns(List<Pattern> patterns, List<List<String>> positions, MatchedLeaves leaves) {
        TermTable<String> seen = new TermTable<>(positions.size());
        List<String> distinct = new ArrayList<>(positions.size());
        for (List<String> here : positions) {
            for (int i = 0; i < here.size(); i++) {
                String term = here.get(i);
                if (seen.get(term) == null) {
                    seen.put(term, term);
                    distinct.add(term);
                }
            }
        }
        for (Pattern p : patterns) {
            if (leaves.has(p.leaf())) {
                continue;
            }
            for (int i = 0; i < distinct.size(); i++) {
                String term = distinct.get(i);
                if (p.mayAccept(term) && p.automaton().run(term)) {
                    leaves.set(p.leaf());
                    break;
                }
            }
        }
    }

    /**
     * The leaves one document matched: a flag per leaf, which the rule programs read, and the ids
     * of the set flags, so that only the rules of matched leaves are visited (there are tens of
     * thousands of leaves, a document matches a few dozen). One per {@link #match} call.
     */
    private static final class MatchedLeaves {
        final boolean[] flags;
        int[] ids = new int[32];
        int count;

        MatchedLeaves(int leaves) {
            flags = new boolean[leaves];
        }

        boolean has(int leaf) {
            return flags[leaf];
        }

        void set(int leaf) {
            if (!flags[leaf]) {
                flags[leaf] = true;
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = leaf;
            }
        }
    }
}
