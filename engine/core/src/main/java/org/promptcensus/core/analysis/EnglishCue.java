package org.promptcensus.core.analysis;

import java.util.Set;

/**
 * A fast test for English: the share of words that are English function words found in no other
 * common Latin-script language (so "de", "a", "in", "was", "will" do not count). Used before the
 * statistical language model, which costs far more and is not needed for clear English.
 */
final class EnglishCue {
    private static final Set<String> WORDS = Set.of("the", "and", "of", "to", "is", "you", "that", "for", "with", "this",
            "what", "how", "your", "are", "can", "my", "it", "be", "have", "please", "do", "i", "me", "from", "not",
            "would", "should", "could", "which", "there", "their", "they", "about", "when", "where", "why", "who", "if",
            "or", "but", "all", "any", "some", "write", "make", "give", "tell", "help", "explain", "create", "does",
            "i'm", "don't", "it's", "these", "those", "them", "been", "has", "had", "were", "our", "we", "he", "she");

    private EnglishCue() {
    }

    /**
     * @param text Latin-script text
     * @return true when at least a fifth of its words (and at least two) are English function words
     */
    static boolean isEnglish(CharSequence text) {
        int words = 0;
        int hits = 0;
        int start = -1;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            boolean letter = Character.isLetter(c) || (c == '\'' && start >= 0);
            if (letter) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words++;
                if (i - start <= 7 && WORDS.contains(text.subSequence(start, i).toString().toLowerCase(java.util.Locale.ROOT))) {
                    hits++;
                }
                start = -1;
            }
        }
        return hits >= 2 && hits * 5 >= words;
    }
}
