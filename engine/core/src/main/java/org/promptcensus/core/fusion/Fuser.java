package org.promptcensus.core.fusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promptcensus.api.Category;
import org.promptcensus.api.Evidence;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.core.model.Prediction;
import org.promptcensus.core.rules.RuleHit;
import org.promptcensus.core.taxonomy.FusionSettings;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * Combines model probabilities and rule evidence into one score per category:
 * <pre>
 *   z(c)     = modelWeight * logit(p(c)) + bias + clamp(sum of rule weights for c, +-evidenceCap)
 *   score(c) = sigmoid(z(c))
 * </pre>
 * where {@code p(c)} is the model's probability (the uniform prior when the taxonomy has no
 * model). A category is tagged when its score reaches its threshold; tags are multi-label. When no
 * category passes, the best one is still tagged if it reaches the taxonomy's primary threshold;
 * otherwise the fallback category is given with score {@code 1 - best score}.
 * A subcategory is only tagged together with its parent.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fuser {
    private static final double EPS = 1e-4;

    private final Taxonomy taxonomy;
    private final FusionSettings settings;

    /** @param taxonomy the taxonomy whose categories and thresholds apply */
    public Fuser(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.settings = taxonomy.fusion();
    }

    /**
     * @param prediction the model's prediction, or null without a model
     * @param hits the rules that matched
     * @param explain whether to attach evidence to the tags
     * @return the tag set
     */
    public TagSet fuse(Prediction prediction, List<RuleHit> hits, boolean explain) {
        Map<String, Double> evidence = new HashMap<>();
        for (RuleHit h : hits) {
            evidence.merge(h.category(), h.weight(), Double::sum);
        }
        int modelled = prediction == null ? 0 : prediction.probabilities().size();
        double prior = 1.0 / Math.max(1, modelled == 0 ? taxonomy.categories().size() : modelled);
        List<Tag> passed = new ArrayList<>();
        Map<String, Double> scores = new HashMap<>();
        double best = 0;
        for (Category c : taxonomy.categories()) {
            double p = prediction == null ? prior : prediction.probabilities().getOrDefault(c.id(), prior);
            p = Math.min(1 - EPS, Math.max(EPS, p));
            double rules = Math.max(-settings.evidenceCap(), Math.min(settings.evidenceCap(), evidence.getOrDefault(c.id(), 0.0)));
            double z = settings.modelWeight() * Math.log(p / (1 - p)) + settings.biasOf(c.id()) + rules;
            double score = 1.0 / (1.0 + Math.exp(-z));
            scores.put(c.id(), score);
            if (!c.id().equals(taxonomy.fallback())) {
                best = Math.max(best, score);
            }
        }
        for (Category c : taxonomy.categories()) {
            double score = scores.get(c.id());
            boolean parentOk = !c.isSubcategory() || scores.get(c.parentId()) >= taxonomy.category(c.parentId()).orElseThrow().threshold();
            if (score >= c.threshold() && parentOk) {
                passed.add(new Tag(c.id(), round(score), !explain ? List.of()
                        : c.id().equals(taxonomy.fallback()) ? explainFallback(c.id(), prediction, hits)
                        : explain(c.id(), prediction, hits)));
            }
        }
        if (passed.isEmpty() && settings.primaryThreshold() != null) {
            Category top = null;
            for (Category c : taxonomy.categories()) {
                if (!c.id().equals(taxonomy.fallback()) && !c.isSubcategory()
                        && (top == null || scores.get(c.id()) > scores.get(top.id()))) {
                    top = c;
                }
            }
            if (top != null && scores.get(top.id()) >= settings.primaryThreshold()) {
                passed.add(new Tag(top.id(), round(scores.get(top.id())), explain ? explain(top.id(), prediction, hits) : List.of()));
            }
        }
        if (passed.isEmpty() && taxonomy.fallback() != null) {
            passed.add(new Tag(taxonomy.fallback(), round(1 - best),
                    explain ? explainFallback(taxonomy.fallback(), prediction, hits) : List.of()));
        }
        return new TagSet(taxonomy.id(), passed);
    }

    /** The hits that pass the filter as evidence, strongest first. */
    private static List<Evidence> ruleEvidence(List<RuleHit> hits, java.util.function.Predicate<RuleHit> filter) {
        List<Evidence> out = new ArrayList<>();
        for (RuleHit h : hits) {
            if (filter.test(h)) {
                out.add(new Evidence(h.kind(), h.qualifiedId(), h.weight()));
            }
        }
        out.sort(Comparator.comparingDouble((Evidence e) -> Math.abs(e.weight())).reversed());
        return out;
    }

    private static double round(double score) {
        return Math.round(score * 10000) / 10000.0;
    }

    /**
     * The fallback's evidence: its own, then every rule that fired for a category that stayed below
     * its threshold, so that "why was this not tagged?" can be answered from the output.
     */
    private static List<Evidence> explainFallback(String fallback, Prediction prediction, List<RuleHit> hits) {
        List<Evidence> out = explain(fallback, prediction, hits);
        out.addAll(ruleEvidence(hits, h -> !h.category().equals(fallback)));
        return out;
    }

    private static List<Evidence> explain(String category, Prediction prediction, List<RuleHit> hits) {
        List<Evidence> out = ruleEvidence(hits, h -> h.category().equals(category));
        if (prediction != null) {
            Double p = prediction.probabilities().get(category);
            if (p != null) {
                out.add(new Evidence(Evidence.Kind.MODEL, "p(" + category + ")", round(p)));
            }
            for (Prediction.FeatureWeight f : prediction.topFeatures().getOrDefault(category, List.of())) {
                if (f.weight() > 0) {
                    out.add(new Evidence(Evidence.Kind.MODEL, f.feature(), round(f.weight())));
                }
            }
        }
        return out;
    }
}
