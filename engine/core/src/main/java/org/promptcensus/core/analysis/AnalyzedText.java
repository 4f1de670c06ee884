package org.promptcensus.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.promptcensus.core.text.ClassifiedText;

/**
 * A request's classified text, analysed once with its language's analyzer, and shared by the rule
 * matcher (as pre-analysed Lucene fields) and the statistical model (as features).
 *
 * @param lang the detected language
 * @param system tokens of the system prompt
 * @param user tokens of the selected user turns
 * @param last tokens of the last user turn
 * @param shapes structural markers
 */
public record AnalyzedText(String lang, List<Token> system, List<Token> user, List<Token> last, List<String> shapes) {

    /**
     * @param text the classified text
     * @param lang its language
     * @param analyzers the analyzers
     * @return the analysed text
     */
    public static AnalyzedText analyze(ClassifiedText text, String lang, LanguageAnalyzers analyzers) {
        Analyzer analyzer = analyzers.forLanguage(lang);
        List<Token> user = tokens(analyzer, text.user());
        // The last turn is usually the end of the user text: reuse its tokens when it is all of it.
        List<Token> last = text.user().equals(text.last()) ? user : tokens(analyzer, text.last());
        return new AnalyzedText(lang, tokens(analyzer, text.system()), user, last, text.shapes());
    }

    /** @return system then user terms, the bag the statistical model reads */
    public List<String> terms() {
        List<String> out = new ArrayList<>(system.size() + user.size());
        system.forEach(t -> out.add(t.term()));
        user.forEach(t -> out.add(t.term()));
        return out;
    }

    /**
     * @param analyzer an analyzer
     * @param text any text
     * @return its tokens
     */
    public static List<Token> tokens(Analyzer analyzer, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), inc.getPositionIncrement()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
