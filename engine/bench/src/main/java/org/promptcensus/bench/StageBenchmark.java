package org.promptcensus.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.promptcensus.api.Request;
import org.promptcensus.api.TagSet;
import org.promptcensus.core.Engine;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.fusion.Fuser;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.model.Prediction;
import org.promptcensus.core.rules.RuleHit;
import org.promptcensus.core.rules.RuleIndex;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.text.ClassifiedText;

/**
 * Where the time of {@link Engine#tag} goes: each stage of the pipeline timed on its own, on the
 * same requests as {@link TagBenchmark}, in microseconds per request. The inputs of each stage are
 * computed once in the set-up, so a stage's figure excludes the stages before it.
 * <ol>
 *   <li>{@link #select}: turn selection and structural shapes;</li>
 *   <li>{@link #language}: language identification (OpenNLP, on a 600-character prefix);</li>
 *   <li>{@link #tokenize}: Lucene analysis of the selected text;</li>
 *   <li>{@link #rules}: matching the taxonomy's rules ({@code lucene-monitor});</li>
 *   <li>{@link #model}: the maxent model's features and prediction;</li>
 *   <li>{@link #fuse}: fusing rules and model into tags.</li>
 * </ol>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StageBenchmark {
    /** The request size: {@code short}, {@code median} or {@code long}. */
    @Param({"short", "median", "long"})
    public String size;

    private Engine engine;
    private LanguageIdentifier languages;
    private LanguageAnalyzers analyzers;
    private RuleIndex ruleIndex;
    private CategoryModel categoryModel;
    private Fuser fuser;

    private Request[] requests;
    private ClassifiedText[] selected;
    private String[] langs;
    private AnalyzedText[] analyzed;
    private Prediction[] predictions;
    private List<?>[] hits;
    private int next;

    /** Builds the stages and every stage's input. */
    @Setup(Level.Trial)
    public void setUp() {
        TaxonomyBundle bundle = TaxonomyBundle.fromClasspath(Engine.class.getClassLoader(), "usecase")
                .orElseThrow(() -> new IllegalStateException("the usecase taxonomy is not on the classpath"));
        languages = new LanguageIdentifier();
        engine = Engine.builder().taxonomy(bundle).languages(languages).build();
        analyzers = engine.analyzer().analyzers();
        ruleIndex = new RuleIndex(bundle.taxonomy(), analyzers, bundle.compiledRules().orElse(null));
        categoryModel = bundle.model().orElseThrow();
        fuser = new Fuser(bundle.taxonomy());

        requests = BenchPrompts.requests(size).toArray(new Request[0]);
        int n = requests.length;
        selected = new ClassifiedText[n];
        langs = new String[n];
        analyzed = new AnalyzedText[n];
        predictions = new Prediction[n];
        hits = new List<?>[n];
        for (int i = 0; i < n; i++) {
            selected[i] = engine.analyzer().select(requests[i]);
            langs[i] = languages.identify(selected[i].languageSample());
            analyzed[i] = AnalyzedText.analyze(selected[i], langs[i], analyzers);
            hits[i] = ruleIndex.match(analyzed[i]);
            predictions[i] = categoryModel.predict(analyzed[i], analyzers, false);
        }
    }

    /** Closes the engine and the extra rule index. */
    @TearDown(Level.Trial)
    public void tearDown() {
        ruleIndex.close();
        engine.close();
    }

    private int index() {
        int i = next;
        next = (next + 1) % requests.length;
        return i;
    }

    /** @return the classified text */
    @Benchmark
    public ClassifiedText select() {
        return engine.analyzer().select(requests[index()]);
    }

    /** @return the language */
    @Benchmark
    public String language() {
        return languages.identify(selected[index()].languageSample());
    }

    /** @return the analysed text */
    @Benchmark
    public AnalyzedText tokenize() {
        int i = index();
        return AnalyzedText.analyze(selected[i], langs[i], analyzers);
    }

    /** @return the matching rules */
    @Benchmark
    public List<RuleHit> rules() {
        return ruleIndex.match(analyzed[index()]);
    }

    /** @return the model's prediction */
    @Benchmark
    public Prediction model() {
        return categoryModel.predict(analyzed[index()], analyzers, false);
    }

    /** @return the tags */
    @Benchmark
    @SuppressWarnings("unchecked")
    public TagSet fuse() {
        int i = index();
        return fuser.fuse(predictions[i], (List<RuleHit>) hits[i], false);
    }

    /** @return the whole pipeline's result, for comparison with the sum of the stages */
    @Benchmark
    public Object all() {
        return engine.tag(requests[index()], false);
    }
}
