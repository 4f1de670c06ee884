package org.promptcensus.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.Evidence;
import org.promptcensus.api.spi.Contribution;
import org.promptcensus.api.spi.Tagger;
import org.promptcensus.core.plugin.GuardedTagger;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.fusion.Fuser;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.model.Prediction;
import org.promptcensus.core.rules.RuleHit;
import org.promptcensus.core.rules.RuleIndex;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.text.ClassifiedText;
import org.promptcensus.core.text.TextSelector;

/**
 * The tagging engine: owns the language identifier, the analyzers and, per taxonomy, the compiled
 * rules, the model and the fusion. Build one with {@link #builder()}, share it, close it at the end.
 *
 * <p>Thread-safety contract: after construction an engine is immutable; {@link #tag} may be called
 * from any number of threads at once, and its result depends only on the request (tagging is
 * deterministic).
 */
public final class Engine implements AutoCloseable {
    private final RequestAnalyzer analyzer;
    private final List<Stage> stages;
    private final List<Tagger> taggers;
    private final boolean failOnPluginError;

    /** One taxonomy's compiled parts. */
    private record Stage(Taxonomy taxonomy, RuleIndex rules, CategoryModel model, Fuser fuser) {
    }

    private Engine(Builder b) {
        this.analyzer = new RequestAnalyzer(b.selector, b.languages != null ? b.languages : new LanguageIdentifier());
        List<Stage> list = new ArrayList<>();
        for (TaxonomyBundle tb : b.bundles) {
            list.add(new Stage(tb.taxonomy(), new RuleIndex(tb.taxonomy(), analyzer.analyzers(), tb.compiledRules().orElse(null)), tb.model().orElse(null),
                    new Fuser(tb.taxonomy())));
        }
        this.stages = List.copyOf(list);
        this.taggers = List.copyOf(b.taggers);
        this.failOnPluginError = b.failOnPluginError;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the taxonomies, in tagging order */
    public List<Taxonomy> taxonomies() {
        return stages.stream().map(Stage::taxonomy).toList();
    }

    /**
     * @param id a taxonomy id
     * @return that taxonomy's model, if it has one
     */
    public Optional<CategoryModel> model(String id) {
        return stages.stream().filter(s -> s.taxonomy().id().equals(id)).findFirst().map(s -> s.model());
    }

    /**
     * Tags one request with every taxonomy.
     *
     * @param request the request; it must carry text
     * @param explain whether to attach the evidence behind each tag
     * @return the tagged request
     * @throws CensusException NO_TEXT when the request has no text to classify
     */
    public TaggedRequest tag(Request request, boolean explain) {
        ClassifiedText text = analyzer.select(request);
        if (text.all().isBlank()) {
            throw new CensusException(ErrorCode.NO_TEXT, "no user or system text to classify");
        }
        AnalyzedText analyzed = analyzer.analyze(text);
        String lang = analyzed.lang();
        List<String> warnings = new ArrayList<>(2);
        List<Contribution> contributions = contributions(request, lang, warnings);
        List<TagSet> sets = new ArrayList<>(stages.size());
        for (Stage s : stages) {
            sets.add(fuse(s, analyzed, s.rules().match(analyzed), contributions, explain));
        }
        return new TaggedRequest(request, lang, sets, finish(text, request, warnings));
    }

    /**
     * The result of tagging one request of a batch: the tagged request, or why it failed.
     *
     * @param tagged the result, or null
     * @param error the failure, or null
     */
    public record BatchResult(TaggedRequest tagged, CensusException error) {
    }

    /**
     * Tags several requests at once. Rules are matched for the whole batch in one pass of
     * lucene-monitor, which costs far less per request than tagging them one by one; results are
     * the same as {@link #tag}'s.
     *
     * @param requests the requests
     * @param explain whether to attach the evidence behind each tag
     * @return one result per request, in order; a request without text is a NO_TEXT error
     */
    public List<BatchResult> tagAll(List<Request> requests, boolean explain) {
        int n = requests.size();
        ClassifiedText[] texts = new ClassifiedText[n];
        List<AnalyzedText> analyzed = new ArrayList<>(n);
        List<Integer> ok = new ArrayList<>(n);
        BatchResult[] out = new BatchResult[n];
        for (int i = 0; i < n; i++) {
            texts[i] = analyzer.select(requests.get(i));
            if (texts[i].all().isBlank()) {
                out[i] = new BatchResult(null, new CensusException(ErrorCode.NO_TEXT, "no user or system text to classify"));
                continue;
            }
            analyzed.add(analyzer.analyze(texts[i]));
            ok.add(i);
        }
        List<List<List<RuleHit>>> hitsByStage = new ArrayList<>(stages.size());
        for (Stage s : stages) {
            hitsByStage.add(s.rules().match(analyzed));
        }
        for (int k = 0; k < ok.size(); k++) {
            int i = ok.get(k);
            Request request = requests.get(i);
            AnalyzedText a = analyzed.get(k);
            List<String> warnings = new ArrayList<>(2);
            List<Contribution> contributions = contributions(request, a.lang(), warnings);
            List<TagSet> sets = new ArrayList<>(stages.size());
            for (int st = 0; st < stages.size(); st++) {
                sets.add(fuse(stages.get(st), a, hitsByStage.get(st).get(k), contributions, explain));
            }
            out[i] = new BatchResult(new TaggedRequest(request, a.lang(), sets, finish(texts[i], request, warnings)), null);
        }
        return List.of(out);
    }

    private TagSet fuse(Stage s, AnalyzedText analyzed, List<RuleHit> hits, List<Contribution> contributions, boolean explain) {
        for (Contribution c : contributions) {
            if (c.taxonomy().equals(s.taxonomy().id())) {
                hits.add(new RuleHit(c.category(), c.source(), c.weight(), Evidence.Kind.PLUGIN));
            }
        }
        Prediction p = s.model() == null ? null : s.model().predict(analyzed, analyzer.analyzers(), explain);
        return s.fuser().fuse(p, hits, explain);
    }

    private static List<String> finish(ClassifiedText text, Request request, List<String> warnings) {
        if (text.truncated()) {
            warnings.add("text_truncated");
        }
        if (request.nonTextParts() > 0) {
            warnings.add("non_text_parts_ignored:" + request.nonTextParts());
        }
        return warnings;
    }

    /**
     * Runs the plugin taggers. A tagger that throws loses its evidence for this record only; the
     * record keeps the other stages' tags and carries a {@code plugin_failed:<plugin>} warning;
     * unless the engine fails on plugin errors, in which case the record fails with a
     * PLUGIN_FAILED error naming the plugin and the cause.
     */
    private List<Contribution> contributions(Request request, String lang, List<String> warnings) {
        if (taggers.isEmpty()) {
            return List.of();
        }
        List<Contribution> out = new ArrayList<>();
        for (Tagger t : taggers) {
            try {
                List<Contribution> c = t.tag(request, lang);
                if (c != null) {
                    out.addAll(c);
                }
            } catch (RuntimeException | LinkageError e) {
                String who = t instanceof GuardedTagger g ? g.pluginId() : t.id();
                if (failOnPluginError) {
                    String cause = e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
                    throw new CensusException(ErrorCode.PLUGIN_FAILED, "plugin " + who + ": tagger " + t.id() + " threw " + cause, e);
                }
                warnings.add("plugin_failed:" + who);
            }
        }
        return out;
    }

    /**
     * The analysis the engine runs before tagging, exposed for training and diagnostics.
     *
     * @param request a request
     * @return its analysed classified text
     */
    public AnalyzedText analyze(Request request) {
        return analyzer.analyze(request);
    }

    /** @return the request analyzer (shared with training) */
    public RequestAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public void close() {
        stages.forEach(s -> s.rules().close());
        analyzer.close();
    }

    /** Builds an {@link Engine}. Not thread-safe. */
    public static final class Builder {
        private final List<TaxonomyBundle> bundles = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private TextSelector selector = TextSelector.DEFAULT;
        private LanguageIdentifier languages;
        private final List<Tagger> taggers = new ArrayList<>();
        private boolean failOnPluginError;

        private Builder() {
        }

        /**
         * @param fail whether a plugin tagger that throws fails the record (a PLUGIN_FAILED error,
         *             as under {@code --strict}) instead of adding a {@code plugin_failed} warning
         * @return this
         */
        public Builder failOnPluginError(boolean fail) {
            this.failOnPluginError = fail;
            return this;
        }

        /**
         * @param tagger a plugin tagging stage; its contributions are fused with the taxonomies' rules and models
         * @return this
         */
        public Builder tagger(Tagger tagger) {
            taggers.add(tagger);
            return this;
        }

        /**
         * @param bundle a taxonomy and its model
         * @return this
         * @throws CensusException BAD_TAXONOMY when a taxonomy of that id was added already
         */
        public Builder taxonomy(TaxonomyBundle bundle) {
            if (!ids.add(bundle.taxonomy().id())) {
                throw new CensusException(ErrorCode.BAD_TAXONOMY, "taxonomy '" + bundle.taxonomy().id()
                        + "' is defined twice (" + bundle.taxonomy().origin() + ")");
            }
            bundles.add(bundle);
            return this;
        }

        /** @param selector the turn-selection policy @return this */
        public Builder selector(TextSelector selector) {
            this.selector = selector;
            return this;
        }

        /** @param languages a shared language identifier (it is immutable) @return this */
        public Builder languages(LanguageIdentifier languages) {
            this.languages = languages;
            return this;
        }

        /** @return the engine */
        public Engine build() {
            if (bundles.isEmpty()) {
                throw new CensusException(ErrorCode.BAD_USAGE, "no taxonomy to tag with");
            }
            return new Engine(this);
        }
    }
}
