package org.promptcensus.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;

/**
 * A trained OpenNLP document categorizer for one taxonomy.
 *
 * <p>Thread-safe: the maxent model is immutable and evaluated without shared mutable state; the
 * context generator's feature generators are stateless.
 */
public final class CategoryModel {
    /** Manifest property holding the number of head terms the model was trained with (absent: 0). */
    public static final String HEAD_TERMS_PROPERTY = "census-head-terms";
    private final DoccatModel model;
    private final int headTerms;
    private final MaxentModel maxent;
    private final FeatureGenerator[] featureGenerators;
    private final String[] outcomes;
    private final Map<String, Context> featureParams;

    /**
     * @param model a trained doccat model
     */
    public CategoryModel(DoccatModel model) {
        this.model = model;
        String head = model.getManifestProperty(HEAD_TERMS_PROPERTY);
        this.headTerms = head == null ? 0 : Integer.parseInt(head);
        this.maxent = model.getMaxentModel();
        this.featureGenerators = model.getFactory().getFeatureGenerators();
        this.outcomes = new String[maxent.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = maxent.getOutcome(i);
        }
        Map<String, Context> pmap = Map.of();
        if (maxent instanceof AbstractModel am && am.getDataStructures()[1] instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Context> cast = (Map<String, Context>) m;
            pmap = cast;
        }
        this.featureParams = pmap;
    }

    /**
     * @param in a serialized doccat model
     * @param where its name, for messages
     * @return the model
     */
    public static CategoryModel read(InputStream in, String where) {
        try {
            return new CategoryModel(new DoccatModel(in));
        } catch (IOException | RuntimeException e) {
            throw new CensusException(ErrorCode.BAD_MODEL, where + ": not a readable doccat model: " + e.getMessage(), e);
        }
    }

    /** @return the model's categories */
    public Set<String> categories() {
        return new LinkedHashSet<>(List.of(outcomes));
    }

    /**
     * @param text an analysed request
     * @param analyzers the analyzers the text was analysed with
     * @param explain whether to collect the strongest features per category
     * @return probabilities per category
     */
    public Prediction predict(AnalyzedText text, LanguageAnalyzers analyzers, boolean explain) {
        String[] context = context(ModelFeatures.of(text, analyzers, headTerms));
        double[] probs = temper(maxent.eval(context), context.length);
        Map<String, Double> byCategory = new HashMap<>(outcomes.length * 2);
        for (int i = 0; i < outcomes.length; i++) {
            byCategory.put(outcomes[i], probs[i]);
        }
        if (!explain || featureParams.isEmpty()) {
            return new Prediction(byCategory, Map.of());
        }
        Map<String, List<Prediction.FeatureWeight>> top = new HashMap<>();
        Map<String, List<Prediction.FeatureWeight>> all = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(List.of(context));
        for (String feature : seen) {
            Context c = featureParams.get(feature);
            if (c == null) {
                continue;
            }
            for (int j = 0; j < c.getOutcomes().length; j++) {
                String outcome = outcomes[c.getOutcomes()[j]];
                all.computeIfAbsent(outcome, k -> new ArrayList<>())
                        .add(new Prediction.FeatureWeight(feature, c.getParameters()[j]));
            }
        }
        all.forEach((cat, list) -> {
            list.sort(Comparator.comparingDouble(Prediction.FeatureWeight::weight).reversed());
            top.put(cat, List.copyOf(list.subList(0, Math.min(5, list.size()))));
        });
        return new Prediction(byCategory, top);
    }

    /** Requests with up to this many features are scored as the model says. */
    static final int TEMPER_FROM = 60;

    /**
     * A maxent model adds up evidence from every feature, so a long request gets near-certain
     * probabilities from many weak hints (a long health question "is" productivity with p = 1.0
     * because pasted texts are long). Beyond {@link #TEMPER_FROM} features, the distribution is
     * flattened with temperature sqrt(features / TEMPER_FROM), which keeps the ranking and makes
     * the confidence of long requests comparable to that of short ones.
     */
    static double[] temper(double[] probs, int features) {
        if (features <= TEMPER_FROM) {
            return probs;
        }
        double t = Math.sqrt((double) features / TEMPER_FROM);
        double sum = 0;
        double[] out = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = Math.pow(Math.max(probs[i], 1e-300), 1 / t);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** The same context as OpenNLP's document categorizer builds: every generator's features. */
    private String[] context(String[] tokens) {
        List<String> features = new ArrayList<>(tokens.length * 2);
        for (FeatureGenerator g : featureGenerators) {
            features.addAll(g.extractFeatures(tokens, Map.of()));
        }
        return features.toArray(new String[0]);
    }

    /**
     * @param out where to write the serialized model
     * @throws IOException on write failure
     */
    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** @return the serialized model */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new CensusException(ErrorCode.INTERNAL, "cannot serialize model: " + e.getMessage(), e);
        }
    }

    /**
     * @param bytes a serialized model
     * @return the model
     */
    public static CategoryModel fromBytes(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes), "model bytes");
    }
}
