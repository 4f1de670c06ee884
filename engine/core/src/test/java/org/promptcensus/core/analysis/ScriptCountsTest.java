package org.promptcensus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptCountsTest {
    @Test
    void countsLettersByScriptWithAsciiAndBeyond() {
        // ASCII letters (fast path), digits and punctuation (not letters), accented Latin, Han,
        // kana, Hangul, Cyrillic, Greek (a letter of no counted script) and a supplementary Han character
        ScriptCounts c = ScriptCounts.of("Az_9@[`{ é 中文 かナ 한 Я λ 𠀀");
        assertThat(c).isEqualTo(new ScriptCounts(11, 3, 3, 2, 1, 1));
    }

    @Test
    void emptyTextHasNoLetters() {
        assertThat(ScriptCounts.of("")).isEqualTo(new ScriptCounts(0, 0, 0, 0, 0, 0));
    }
}
