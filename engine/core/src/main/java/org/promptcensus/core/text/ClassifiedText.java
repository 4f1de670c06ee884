package org.promptcensus.core.text;

import java.util.List;

/**
 * The part of a request that is classified, cut to bounded sizes (see {@link TextSelector}).
 *
 * @param system the system prompt(s), bounded
 * @param user the selected user turns, oldest first, bounded
 * @param last the last user turn, bounded
 * @param shapes the structural markers of the request ({@link Shapes})
 * @param truncated true when some text was left out to keep the cost bounded
 */
public record ClassifiedText(String system, String user, String last, List<String> shapes, boolean truncated) {
    /** Copies the shape list. */
    public ClassifiedText {
        shapes = List.copyOf(shapes);
    }

    /** @return system prompt and user turns joined, the text the model reads */
    public String all() {
        if (system.isEmpty()) {
            return user;
        }
        return user.isEmpty() ? system : system + "\n" + user;
    }

    /** Letters below which a last turn ("yes", "go on", "Je sais nager !") does not settle the language alone. */
    private static final int RELIABLE_LETTERS = 60;
    /** Letters below which the user's words are helped by the system prompt. */
    private static final int MIN_LETTERS = 20;

    /**
     * @return the text the language is identified on: the user's own words first (the last turn,
     *         then earlier turns when the last is short), then the system prompt when the user
     *         wrote almost nothing
     */
    public String languageSample() {
        String sample = last.isBlank() ? user : last;
        if (!sample.equals(user) && !user.isBlank() && countLetters(sample, RELIABLE_LETTERS) < RELIABLE_LETTERS) {
            sample = sample + "\n" + user;
        }
        return countLetters(sample, MIN_LETTERS) >= MIN_LETTERS || system.isEmpty() ? sample : sample + "\n" + system;
    }

    /** Letters of {@code s}, counted up to {@code enough}; a Han character or kana counts three. */
    private static int countLetters(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            char c = s.charAt(i);
            if (Character.isIdeographic(c) || (c >= '\u3040' && c <= '\u30ff')) {
                n += 3; // a Han character or kana carries about a word
            } else if (Character.isLetter(c)) {
                n++;
            }
        }
        return n;
    }
}
