package org.promptcensus.core.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.analysis.AnalysisFingerprint;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.analysis.Token;
import org.promptcensus.core.analysis.TokenListStream;
import org.promptcensus.core.taxonomy.CategoryRules;
import org.promptcensus.core.taxonomy.RuleDefinition;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * A taxonomy's rules, compiled once and matched against requests. Rules built from terms, phrases,
 * patterns and AND / OR / NOT (nearly all) are matched by a {@link TermSetMatcher}, in one pass over
 * the request's terms; the others (spans, fuzzy terms, ranges, sloppy multi-phrases) by
 * {@code lucene-monitor} monitors. Rules are compiled per language: a rule without {@code lang} goes into every
 * language's monitor, parsed with that language's analyzer; a rule with {@code lang} only into
 * those languages'. A request is matched against the monitor of its language (or of its analysis
 * group when its language has no rules of its own).
 *
 * <p>Thread-safe: monitors are built in the constructor and only matched afterwards.
 */
public final class RuleIndex implements AutoCloseable {
    /** Fields a rule can query. */
    public static final List<String> FIELDS = List.of("text", "system", "user", "last", "head", "shape");
    /** How many term positions of the last user turn make its head (field {@code head}): where the task is usually stated. */
    public static final int HEAD_POSITIONS = 12;
    /** Position gap between the system prompt and the user turns in {@code text}. */
    private static final int SECTION_GAP = 100;

    /** The analysis groups: one monitor each. */
    static final List<String> GROUPS = List.of("en", "zh", LanguageAnalyzers.DEFAULT_GROUP);

    /** Per group, the monitor of the rules the term-set matcher does not take (absent when there are none). */
    private final Map<String, Monitor> monitors = new HashMap<>();
    /** Per group, the fields its monitor's queries read: only those are indexed for a request. */
    private final Map<String, Set<String>> monitorFields = new HashMap<>();
    private final Map<RuleHit, Set<String>> ruleLangs = new HashMap<>();
    private final Map<String, TermSetMatcher> termSets = new HashMap<>();
    private final Map<String, RuleHit> byQueryId = new HashMap<>();
    private final int ruleCount;
    /** How many per-group rule variants came from compiled rules instead of the parser. */
    private final int precompiled;

    /**
     * Compiles every rule of a taxonomy.
     *
     * @param taxonomy the taxonomy
     * @param analyzers the language analyzers
     * @throws CensusException BAD_RULE naming the rule whose query does not compile
     */
    public RuleIndex(Taxonomy taxonomy, LanguageAnalyzers analyzers) {
        this(taxonomy, analyzers, null, true);
    }

    /**
     * Compiles every rule of a taxonomy, taking the queries of its compiled rules where they are
     * still valid (same analyzers, same rule source) instead of parsing them.
     *
     * @param taxonomy the taxonomy
     * @param analyzers the language analyzers
     * @param compiled the taxonomy's compiled rules, or null to parse every rule
     * @throws CensusException BAD_RULE naming the rule whose query does not compile
     */
    public RuleIndex(Taxonomy taxonomy, LanguageAnalyzers analyzers, CompiledRules compiled) {
        this(taxonomy, analyzers, compiled, true);
    }

    /**
     * @param taxonomy the taxonomy
     * @param analyzers the language analyzers
     * @param termSets false to match every rule with lucene-monitor, lexicons included (the
     *        reference the term-set matcher is tested against)
     */
    RuleIndex(Taxonomy taxonomy, LanguageAnalyzers analyzers, CompiledRules compiled, boolean termSets) {
        CompiledRules cache = compiled != null && compiled.fingerprint().equals(AnalysisFingerprint.of(analyzers)) ? compiled : null;
        int count = 0;
        for (CategoryRules cr : taxonomy.rules()) {
            for (RuleDefinition r : cr.rules()) {
                count++;
                if (!r.lang().isEmpty()) {
                    ruleLangs.put(new RuleHit(cr.category(), r.id(), r.weight()), Set.copyOf(r.lang()));
                }
            }
        }
        this.ruleCount = count;
        // The groups compile independently: in parallel, which is most of an engine's start-up.
        // Threads of their own: the common pool has one worker on a 2-core machine, which would
        // compile the groups one after the other.
        ExecutorService pool = Executors.newFixedThreadPool(GROUPS.size(), r -> {
            Thread t = new Thread(r, "census-rule-compiler");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Compiled>> tasks = new ArrayList<>();
        for (String group : GROUPS) {
            tasks.add(CompletableFuture.supplyAsync(() -> compile(taxonomy, analyzers, group, cache, termSets), pool));
        }
        pool.shutdown();
        RuntimeException failure = null;
        int fromCache = 0;
        for (CompletableFuture<Compiled> task : tasks) {
            try {
                Compiled c = task.join();
                if (c.monitor() != null) {
                    monitors.put(c.group(), c.monitor());
                }
                monitorFields.put(c.group(), c.fields());
                if (c.terms() != null) {
                    this.termSets.put(c.group(), c.terms());
                }
                byQueryId.putAll(c.byQueryId());
                fromCache += c.precompiled();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
        }
        this.precompiled = fromCache;
        if (failure != null) {
            close();
            throw failure;
        }
    }

    /** One analysis group's compiled rules. */
    private record Compiled(String group, Monitor monitor, Set<String> fields, TermSetMatcher terms, Map<String, RuleHit> byQueryId,
                            int precompiled) {
    }

    /**
     * Whether a group's compiled rules may stand in for the parser: a spot check re-parses one
     * short rule in {@value #SPOT_CHECK_STRIDE} and finds the same query. (The analyzers'
     * fingerprint was checked before.)
     */
    private static boolean spotCheck(CompiledRules compiled, Taxonomy taxonomy, Analyzer analyzer, String group) {
        int seen = 0;
        for (CategoryRules cr : taxonomy.rules()) {
            for (RuleDefinition r : cr.rules()) {
                if (r.query().length() > SPOT_CHECK_MAX_LENGTH || !appliesTo(r, group)) {
                    continue;
                }
                Query stored = compiled.get(group, cr.category(), r);
                if (stored != null && seen++ % SPOT_CHECK_STRIDE == 0 && !stored.equals(parse(taxonomy, cr.category(), r, analyzer))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final int SPOT_CHECK_STRIDE = 40;
    /** Only short rules are spot-checked: parsing a long lexicon is what compiled rules save. */
    private static final int SPOT_CHECK_MAX_LENGTH = 300;

    /**
     * @param rule a rule
     * @param group an analysis group
     * @return whether the rule is compiled for that group: it has no {@code lang}, or one of its languages is in the group
     */
    static boolean appliesTo(RuleDefinition rule, String group) {
        return rule.lang().isEmpty() || rule.lang().stream().anyMatch(l -> LanguageAnalyzers.group(l).equals(group));
    }

    /**
     * Compiles the rules that apply to one analysis group: one variant per group a rule applies
     * to (a rule for es and fr is parsed once, with the folding analyzer; the language filter
     * applies at match time).
     */
    private static Compiled compile(Taxonomy taxonomy, LanguageAnalyzers analyzers, String group, CompiledRules compiled, boolean useTermSets) {
        CompiledRules cache = compiled != null && spotCheck(compiled, taxonomy, analyzers.forLanguage(group), group) ? compiled : null;
        List<MonitorQuery> queries = new ArrayList<>();
        Map<String, RuleHit> byQueryId = new HashMap<>();
        TermSetMatcher terms = null;
        Set<String> fields = new HashSet<>(Set.of("text"));
        Analyzer analyzer = analyzers.forLanguage(group);
        int precompiled = 0;
        for (CategoryRules cr : taxonomy.rules()) {
            for (RuleDefinition r : cr.rules()) {
                if (!appliesTo(r, group)) {
                    continue;
                }
                Query q = cache == null ? null : cache.get(group, cr.category(), r);
                if (q == null) {
                    q = parse(taxonomy, cr.category(), r, analyzer);
                } else {
                    precompiled++;
                }
                RuleHit hit = new RuleHit(cr.category(), r.id(), r.weight());
                if (useTermSets && TermSetMatcher.accepts(q)) {
                    if (terms == null) {
                        terms = new TermSetMatcher();
                    }
                    terms.add(hit, q);
                    continue;
                }
                String qid = cr.category() + ":" + r.id() + "@" + group;
                byQueryId.put(qid, hit);
                queries.add(new MonitorQuery(qid, q, r.query(), Map.of()));
                q.visit(new QueryVisitor() {
                    @Override
                    public boolean acceptField(String field) {
                        fields.add(field);
                        return true;
                    }
                });
            }
        }
        if (terms != null) {
            terms.seal();
        }
        if (queries.isEmpty()) {
            // the term-set matcher holds every rule of the group: no monitor to build or to run
            return new Compiled(group, null, Set.copyOf(fields), terms, byQueryId, precompiled);
        }
        try {
            Monitor monitor = new Monitor(analyzer);
            monitor.register(queries);
            return new Compiled(group, monitor, Set.copyOf(fields), terms, byQueryId, precompiled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the rule's query as the classic parser makes it with that analyzer
     * @throws CensusException BAD_RULE when it does not compile or names an unknown field
     */
    static Query parse(Taxonomy taxonomy, String category, RuleDefinition rule, Analyzer analyzer) {
        Analyzer perField = new PerFieldAnalyzerWrapper(analyzer, Map.of("shape", new WhitespaceAnalyzer()));
        QueryParser parser = new QueryParser("text", perField);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        try {
            Query q = parser.parse(rule.query());
            for (String field : fieldsOf(rule.query())) {
                if (!FIELDS.contains(field)) {
                    throw new CensusException(ErrorCode.BAD_RULE, taxonomy.id() + "/" + category + ":" + rule.id()
                            + ": unknown field '" + field + "'; fields are " + FIELDS);
                }
            }
            return q;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof CensusException ce) {
                throw ce;
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new CensusException(ErrorCode.BAD_RULE, taxonomy.id() + "/" + category + ":" + rule.id()
                    + ": query does not compile: " + msg, e);
        }
    }

    private static Set<String> fieldsOf(String query) {
        Set<String> out = new LinkedHashSet<>();
        var m = java.util.regex.Pattern.compile("(?<![\\\\\\w])([A-Za-z_]+):(?!//)").matcher(query.replaceAll("\"[^\"]*\"", "\"\""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** @return the compiled per-group rule variants that lucene-monitor matches (the rest go to the term-set matcher) */
    int monitoredVariants() {
        return byQueryId.size();
    }

    /** @return the compiled per-group rule variants that the term-set matcher matches */
    int termSetVariants() {
        return termSets.values().stream().mapToInt(TermSetMatcher::size).sum();
    }

    /** @return the per-group rule variants whose queries came from compiled rules rather than the parser */
    int precompiledVariants() {
        return precompiled;
    }

    /** @return the number of rules (not of compiled per-language variants) */
    public int ruleCount() {
        return ruleCount;
    }

    /**
     * @param text an analysed request
     * @return the rules that matched it, in a stable order
     */
    public List<RuleHit> match(AnalyzedText text) {
        return match(List.of(text)).get(0);
    }

    /**
     * Matches several requests at once: lucene-monitor then searches its query index and runs each
     * candidate rule once per batch instead of once per request, which is most of the cost.
     *
     * @param texts analysed requests
     * @return for each, in order, the rules that matched it (mutable lists, in a stable order)
     */
    public List<List<RuleHit>> match(List<AnalyzedText> texts) {
        List<List<RuleHit>> out = new ArrayList<>(texts.size());
        Map<String, List<Integer>> byGroup = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new ArrayList<>());
            byGroup.computeIfAbsent(LanguageAnalyzers.group(texts.get(i).lang()), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> g : byGroup.entrySet()) {
            List<Integer> idx = g.getValue();
            List<List<Token>> alls = new ArrayList<>(idx.size());
            for (int j = 0; j < idx.size(); j++) {
                alls.add(allTokens(texts.get(idx.get(j))));
            }
            MultiMatchingQueries<QueryMatch> matches = monitorMatch(g.getKey(), idx, texts, alls);
            TermSetMatcher terms = termSets.get(g.getKey());
            for (int j = 0; j < idx.size(); j++) {
                AnalyzedText t = texts.get(idx.get(j));
                List<RuleHit> hits = out.get(idx.get(j));
                if (matches != null) {
                    for (QueryMatch m : matches.getMatches(j)) {
                        hits.add(byQueryId.get(m.getQueryId()));
                    }
                }
                if (terms != null) {
                    terms.match(positions(alls.get(j), t, terms), hits);
                }
                hits.removeIf(h -> {
                    Set<String> langs = ruleLangs.get(h);
                    return langs != null && !langs.contains(t.lang());
                });
                hits.sort((a, b) -> a.qualifiedId().compareTo(b.qualifiedId()));
            }
        }
        return out;
    }

    /**
     * The group's lucene-monitor matches, or null when the term-set matcher holds all its rules
     * (then no in-memory index is built for the requests at all).
     */
    private MultiMatchingQueries<QueryMatch> monitorMatch(String group, List<Integer> idx, List<AnalyzedText> texts, List<List<Token>> alls) {
        Monitor monitor = monitors.get(group);
        if (monitor == null) {
            return null;
        }
        Document[] docs = new Document[idx.size()];
        for (int j = 0; j < idx.size(); j++) {
            docs[j] = document(alls.get(j), texts.get(idx.get(j)), monitorFields.get(group));
        }
        MultiMatchingQueries<QueryMatch> matches;
        try {
            matches = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!matches.getErrors().isEmpty()) {
            var first = matches.getErrors().entrySet().iterator().next();
            throw new CensusException(ErrorCode.INTERNAL, "rule " + first.getKey() + " failed: "
                    + first.getValue().getMessage(), first.getValue());
        }
        return matches;
    }

    private static List<Token> allTokens(AnalyzedText text) {
        List<Token> all = new ArrayList<>(text.system().size() + text.user().size());
        all.addAll(text.system());
        if (!text.system().isEmpty() && !text.user().isEmpty()) {
            Token first = text.user().get(0);
            all.add(new Token(first.term(), first.positionIncrement() + SECTION_GAP));
            all.addAll(text.user().subList(1, text.user().size()));
        } else {
            all.addAll(text.user());
        }
        return all;
    }

    /**
     * The request as a document of the fields the monitor's queries read (for a one-turn request
     * without a system prompt, text, user and last hold the same tokens: indexing and presearching
     * them once instead of three times is a good part of the matching cost).
     */
    private static Document document(List<Token> all, AnalyzedText text, Set<String> fields) {
        Document doc = new Document();
        doc.add(new TextField("text", new TokenListStream(all)));
        if (fields.contains("system")) {
            doc.add(new TextField("system", new TokenListStream(text.system())));
        }
        if (fields.contains("user")) {
            doc.add(new TextField("user", new TokenListStream(text.user())));
        }
        if (fields.contains("last")) {
            doc.add(new TextField("last", new TokenListStream(text.last())));
        }
        if (fields.contains("head")) {
            doc.add(new TextField("head", new TokenListStream(head(text.last()))));
        }
        if (fields.contains("shape")) {
            doc.add(new TextField("shape", new TokenListStream(text.shapes().stream().map(s -> new Token(s, 1)).toList())));
        }
        return doc;
    }

    /** The document's fields that the term-set matcher queries, as terms by position. */
    private static Map<String, List<List<String>>> positions(List<Token> all, AnalyzedText text, TermSetMatcher terms) {
        Map<String, List<List<String>>> out = new HashMap<>(8);
        if (terms.queries("text")) {
            out.put("text", byPosition(all));
        }
        if (terms.queries("system")) {
            out.put("system", byPosition(text.system()));
        }
        if (terms.queries("user") || terms.queries("last")) {
            List<List<String>> user = byPosition(text.user());
            out.put("user", user);
            out.put("last", text.last() == text.user() ? user : byPosition(text.last()));
        }
        if (terms.queries("head")) {
            out.put("head", byPosition(head(text.last())));
        }
        if (terms.queries("shape")) {
            List<List<String>> shapes = new ArrayList<>();
            text.shapes().forEach(s -> shapes.add(List.of(s)));
            out.put("shape", shapes);
        }
        return out;
    }

    /** The tokens of the first {@link #HEAD_POSITIONS} positions. */
    static List<Token> head(List<Token> tokens) {
        int positions = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).positionIncrement() > 0 && ++positions > HEAD_POSITIONS) {
                return tokens.subList(0, i);
            }
        }
        return tokens;
    }

    private static List<List<String>> byPosition(List<Token> tokens) {
        List<List<String>> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.positionIncrement() == 0 && !out.isEmpty()) {
                List<String> here = out.get(out.size() - 1);
                if (here.size() == 1) {
                    here = new ArrayList<>(here);
                    out.set(out.size() - 1, here);
                }
                here.add(t.term());
            } else {
                // Empty positions for the gaps (removed stop words, the gap between system prompt and
                // user turns): list index = Lucene position, which sloppy phrases measure.
                for (int gap = 1; gap < t.positionIncrement(); gap++) {
                    out.add(List.of());
                }
                out.add(List.of(t.term()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (Monitor m : monitors.values()) {
            try {
                m.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
