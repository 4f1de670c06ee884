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

    /** @return the text the language is identified on: the user's own words first */
    public String languageSample() {
        String sample = last.isBlank() ? user : last;
        return countLetters(sample) >= 20 || system.isEmpty() ? sample : sample + "\n" + system;
    }

    private static int countLetters(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < 20; i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
