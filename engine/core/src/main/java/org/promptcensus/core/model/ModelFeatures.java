package org.promptcensus.core.model;

import java.util.List;
import org.promptcensus.core.analysis.AnalyzedText;

/**
 * The tokens the statistical model reads: the analysed terms of the system prompt and the user
 * turns, then one token per structural marker. The model's feature generators turn them into
 * unigram and bigram features.
 */
public final class ModelFeatures {
    /** Prefix of structural-marker tokens; cannot collide with analysed terms (analysers drop it). */
    public static final String SHAPE_PREFIX = "§shape_";
    /** At most this many terms are read: the selected text is bounded already; this bounds bigrams. */
    public static final int MAX_TERMS = 3000;

    private ModelFeatures() {
    }

    /**
     * @param text an analysed request
     * @return its model tokens
     */
    public static String[] of(AnalyzedText text) {
        List<String> terms = text.terms();
        int n = Math.min(terms.size(), MAX_TERMS);
        String[] out = new String[n + text.shapes().size()];
        for (int i = 0; i < n; i++) {
            out[i] = terms.get(i);
        }
        int i = n;
        for (String s : text.shapes()) {
            out[i++] = SHAPE_PREFIX + s;
        }
        return out;
    }
}
