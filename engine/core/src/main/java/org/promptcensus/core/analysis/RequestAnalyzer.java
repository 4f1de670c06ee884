package org.promptcensus.core.analysis;

import org.promptcensus.api.Request;
import org.promptcensus.core.text.ClassifiedText;
import org.promptcensus.core.text.TextSelector;

/**
 * The analysis every request goes through before tagging and training: turn selection
 * ({@link TextSelector}), language identification and per-language Lucene analysis.
 *
 * <p>Thread-safe.
 */
public final class RequestAnalyzer implements AutoCloseable {
    private final TextSelector selector;
    private final LanguageIdentifier languages;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

    /**
     * @param selector the turn-selection policy
     * @param languages the language identifier
     */
    public RequestAnalyzer(TextSelector selector, LanguageIdentifier languages) {
        this.selector = selector;
        this.languages = languages;
    }

    /** @return the analyzers */
    public LanguageAnalyzers analyzers() {
        return analyzers;
    }

    /**
     * @param request a request
     * @return its classified text, before analysis
     */
    public ClassifiedText select(Request request) {
        return selector.select(request);
    }

    /**
     * @param text classified text
     * @return it analysed with its language's analyzer
     */
    public AnalyzedText analyze(ClassifiedText text) {
        return AnalyzedText.analyze(text, languages.identify(text.languageSample()), analyzers);
    }

    /**
     * @param request a request
     * @return its analysed classified text
     */
    public AnalyzedText analyze(Request request) {
        return analyze(select(request));
    }

    @Override
    public void close() {
        analyzers.close();
    }
}
