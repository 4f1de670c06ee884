package org.promptcensus.core.model;

import java.util.ArrayList;
import java.util.List;
import org.promptcensus.core.analysis.AnalyzedText;
import org.promptcensus.core.analysis.LanguageAnalyzers;
import org.promptcensus.core.analysis.Token;

/**
 * The tokens the statistical model reads: the analysed terms of the system prompt and the user
 * turns without function words and numbers (in a small seed corpus their frequencies are style,
 * not topic, and the model would learn the writers' habits), then the first content terms of the last
 * user turn again with a prefix (the task is usually stated first: "summarize the following
 * article about tax law" is productivity whatever the article is about), then one token per
 * structural marker. The model's feature generators turn them into unigram and bigram features.
 */
public final class ModelFeatures {
    /** Prefix of structural-marker tokens; cannot collide with analysed terms (analysers drop it). */
    public static final String SHAPE_PREFIX = "§shape_";
    /**
     * Shapes that say what a request contains (code, formulas, a character card). Shapes of form
     * (length, turns, a question mark) are left to rules: in a seed corpus they reflect how its
     * writers shaped each category, not how real traffic does.
     */
    public static final java.util.Set<String> CONTENT_SHAPES = java.util.Set.of("code_fence", "code", "math",
            "template_vars", "asterisk_action", "json", "persona");

    /** Prefix of the tokens that repeat the opening terms of the last user turn, where the task is usually stated. */
    public static final String HEAD_PREFIX = "§h_";
    /** At most this many terms are read: the selected text is bounded already; this bounds bigrams. */
    public static final int MAX_TERMS = 3000;

    private ModelFeatures() {
    }

    /**
     * @param text an analysed request
     * @param analyzers the analyzers (for the function-word list)
     * @param headTerms how many opening content terms of the last user turn to repeat as head tokens
     * @return its model tokens
     */
    public static String[] of(AnalyzedText text, LanguageAnalyzers analyzers, int headTerms) {
        List<String> terms = text.terms();
        List<String> out = new ArrayList<>(Math.min(terms.size(), MAX_TERMS) + text.shapes().size());
        for (String t : terms) {
            if (out.size() >= MAX_TERMS) {
                break;
            }
            if (!analyzers.isStopTerm(t) && !isNumber(t)) {
                out.add(t);
            }
        }
        int head = 0;
        for (Token t : text.last()) {
            if (head >= headTerms) {
                break;
            }
            String term = t.term();
            if (!analyzers.isStopTerm(term) && !isNumber(term)) {
                out.add(HEAD_PREFIX + term);
                head++;
            }
        }
        for (String s : text.shapes()) {
            if (CONTENT_SHAPES.contains(s)) {
                out.add(SHAPE_PREFIX + s);
            }
        }
        return out.toArray(new String[0]);
    }

    /** Numbers are too many and too specific to be features; their presence is a shape. */
    private static boolean isNumber(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
