package org.promptcensus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
    private static final LanguageIdentifier ID = new LanguageIdentifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|Can you help me write a cover letter for a marketing internship at a small agency?",
            "zh|帮我写一封求职信，我想申请一家小公司的市场实习岗位",
            "es|¿Puedes ayudarme a escribir una carta de presentación para unas prácticas de marketing?",
            "fr|Peux-tu m'aider à écrire une lettre de motivation pour un stage en marketing ?",
            "de|Kannst du mir helfen, ein Anschreiben für ein Praktikum im Marketing zu schreiben?",
            "ja|マーケティングのインターンに応募するためのカバーレターを書くのを手伝ってください",
            "ru|Помоги мне написать сопроводительное письмо для стажировки в маркетинговом агентстве",
            "pt|Você pode me ajudar a escrever uma carta de apresentação para um estágio em marketing?",
            "ko|마케팅 인턴십에 지원하기 위한 자기소개서를 써 주세요"
    })
    void identifiesCommonLanguages(String lang, String text) {
        assertThat(ID.identify(text)).isEqualTo(lang);
    }

    @Test
    void chineseWithEnglishCodeIsChinese() {
        assertThat(ID.identify("这段 python 代码为什么报错？ def f(x): return x + 1")).isEqualTo("zh");
    }

    @Test
    void aChineseInstructionBeforeAnEnglishTextIsChinese() {
        assertThat(ID.identify("帮我把这段英文润色一下：I am very happy to join your company and I will try my best to learn "
                + "from everyone in the team.")).isEqualTo("zh");
        assertThat(ID.identify("请总结下面这篇文章\nThe committee met on Tuesday to discuss the budget, the new hires and the office "
                + "move planned for spring.")).isEqualTo("zh");
        assertThat(ID.identify("Summarize the following in two sentences: 近年来，随着人工智能技术的快速发展，越来越多的企业开始将"
                + "人工智能应用于生产和管理中，提高了效率，也带来了新的挑战。")).isEqualTo("en");
        // an English term before the colon is no English instruction; a Chinese word or two before
        // the colon, or no text after the head, is no Chinese one
        assertThat(ID.identify("Python：怎么读取一个很大的文件而不把内存占满？")).isEqualTo("zh");
        assertThat(ID.identify("你好: what does this greeting mean and when should I use it in a conversation?")).isEqualTo("en");
        assertThat(ID.identify("What does 你好吗 mean: is it a greeting or a question about how someone is doing?")).isEqualTo("en");
    }

    @Test
    void aKaomojiDoesNotMakeEnglishJapanese() {
        assertThat(ID.identify("You are now a famous inventor with a passion for exploration. Stay in character. (￣▽￣)ノ")).isEqualTo("en");
        assertThat(ID.identify("このコードのバグを直してください (def f(x): return x)")).isEqualTo("ja");
    }

    @Test
    void quotedWordsDoNotDecideTheLanguageOfTheRequest() {
        assertThat(ID.identify("日语里的\"よろしくお願いします\"怎么翻译比较好")).isEqualTo("zh");
        assertThat(ID.identify("what does “你好吗” mean and how do I answer it")).isEqualTo("en");
        assertThat(ID.identify("「こんにちは」は英語で何と言いますか")).isEqualTo("ja");
        assertThat(ID.identify("“你好吗”")).isEqualTo("zh"); // nothing outside the quotes: judged on them
    }

    @Test
    void codeIsNotTakenForARareLanguage() {
        String code = "def has_close_elements(numbers, threshold):\n    for idx, elem in enumerate(numbers):\n"
                + "        for idx2, elem2 in enumerate(numbers):\n            if idx != idx2:\n"
                + "                distance = abs(elem - elem2)\n                if distance < threshold:\n                    return True\n";
        assertThat(ID.identify(code)).isEqualTo("en");
    }

    @Test
    void shortLatinTextIsEnglishAndNoLettersIsUndetermined() {
        assertThat(ID.identify("hi")).isEqualTo("en");
        assertThat(ID.identify("12345 !!! ...")).isEqualTo(LanguageIdentifier.UNDETERMINED);
    }
}
