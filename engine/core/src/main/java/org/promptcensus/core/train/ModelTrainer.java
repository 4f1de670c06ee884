package org.promptcensus.core.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.model.ModelFeatures;
import org.promptcensus.core.taxonomy.Taxonomy;

/**
 * Trains a taxonomy's document categorizer from labelled records. Each record is analysed exactly
 * as at tagging time ({@link RequestAnalyzer}); a record with several labels is a training sample
 * for each. Training is deterministic: the same records in the same order give the same model.
 *
 * <p>Thread-safe; each call is independent.
 */
public final class ModelTrainer {
    /** Fewest labelled records per category a model is trained with. */
    public static final int MIN_PER_CATEGORY = 5;

    private final RequestAnalyzer analyzer;

    /** @param analyzer the analysis shared with tagging */
    public ModelTrainer(RequestAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param taxonomy the taxonomy whose categories are learnt
     * @param records labelled records (records without a label for the taxonomy are ignored)
     * @param options training settings
     * @param log receives progress lines
     * @return the trained model
     * @throws CensusException BAD_CORPUS for an unknown label or a category with too few records
     */
    public CategoryModel train(Taxonomy taxonomy, List<GoldRecord> records, TrainOptions options, Consumer<String> log) {
        List<DocumentSample> samples = new ArrayList<>();
        Map<String, Integer> perCategory = new TreeMap<>();
        for (GoldRecord r : records) {
            List<String> labels = r.labels(taxonomy.id()).orElse(List.of());
            if (labels.isEmpty() || !r.request().hasText()) {
                continue;
            }
            AnalyzedText text = analyzer.analyze(r.request());
            String[] tokens = ModelFeatures.of(text, analyzer.analyzers(), options.headTerms());
            for (String label : labels) {
                if (taxonomy.category(label).isEmpty()) {
                    throw new CensusException(ErrorCode.BAD_CORPUS, "record " + r.request().id() + " (" + r.source()
                            + "): label '" + label + "' is not a category of taxonomy '" + taxonomy.id() + "'");
                }
                DocumentSample sample = new DocumentSample(label, tokens);
                // A repeated sample is how maxent takes a sample weight (taxonomy training.repeat).
                for (int k = taxonomy.training().repeatOf(label); k > 0; k--) {
                    samples.add(sample);
                }
                perCategory.merge(label, 1, Integer::sum);
            }
        }
        if (perCategory.size() < 2) {
            throw new CensusException(ErrorCode.BAD_CORPUS, "taxonomy '" + taxonomy.id()
                    + "': need labelled records of at least 2 categories, found " + perCategory.keySet());
        }
        perCategory.forEach((c, n) -> {
            if (n < MIN_PER_CATEGORY) {
                throw new CensusException(ErrorCode.BAD_CORPUS, "category '" + c + "' has only " + n
                        + " training records; at least " + MIN_PER_CATEGORY + " are needed");
            }
        });
        log.accept(String.format("training %s on %,d samples: %s", taxonomy.id(), samples.size(), perCategory));
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        params.put("L2Cost", options.l2());
        params.put("L1Cost", 0.0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            FeatureGenerator[] features = options.bigrams()
                    ? new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)}
                    : new FeatureGenerator[] {new BagOfWordsFeatureGenerator()};
            DoccatModel trained = DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(features));
            // The feature layout the model was trained on travels in its manifest (read back by CategoryModel).
            return new CategoryModel(new DoccatModel(trained.getLanguage(), trained.getMaxentModel(),
                    Map.of(CategoryModel.HEAD_TERMS_PROPERTY, Integer.toString(options.headTerms())), trained.getFactory()));
        } catch (IOException e) {
            throw new CensusException(ErrorCode.INTERNAL, "training failed: " + e.getMessage(), e);
        }
    }
}
