package org.promptcensus.core.analysis;

/**
 * Letter counts by script over a text.
 *
 * @param letters all letters
 * @param latin Latin letters
 * @param han Han (CJK ideographs)
 * @param kana Hiragana and Katakana
 * @param hangul Hangul
 * @param cyrillic Cyrillic
 */
public record ScriptCounts(int letters, int latin, int han, int kana, int hangul, int cyrillic) {

    /**
     * @param text any text
     * @return its counts
     */
    public static ScriptCounts of(CharSequence text) {
        int letters = 0, latin = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII, most of the text of most requests: no script lookup (a binary search per letter)
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    letters++;
                    latin++;
                }
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case CYRILLIC -> cyrillic++;
                default -> { }
            }
        }
        return new ScriptCounts(letters, latin, han, kana, hangul, cyrillic);
    }
}
