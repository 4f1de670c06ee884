package org.promptcensus.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

class TextSelectorTest {
    @Test
    void classifiesSystemAndUserTurnsButNotAssistantTurns() {
        Request r = Request.builder("1").message(Role.SYSTEM, "You are Luna, a shy elf.")
                .message(Role.USER, "hi luna").message(Role.ASSISTANT, "SECRET ASSISTANT WORDS")
                .message(Role.USER, "*waves* how are you").build();
        ClassifiedText t = TextSelector.DEFAULT.select(r);
        assertThat(t.system()).isEqualTo("You are Luna, a shy elf.");
        assertThat(t.user()).isEqualTo("hi luna\n*waves* how are you");
        assertThat(t.last()).isEqualTo("*waves* how are you");
        assertThat(t.all()).doesNotContain("SECRET");
        assertThat(t.shapes()).contains("has_system", "multi_turn", "asterisk_action");
        assertThat(t.truncated()).isFalse();
    }

    @Test
    void languageIsJudgedOnTheLastTurnWhenItIsLongAndOnEarlierTurnsTooWhenItIsShort() {
        Request shortLast = Request.builder("1").message(Role.USER, "Incarne un capitaine pirate, je suis un mousse qui veut embarquer")
                .message(Role.ASSISTANT, "*Le capitaine vous toise.*").message(Role.USER, "Oui, capitaine !").build();
        assertThat(TextSelector.DEFAULT.select(shortLast).languageSample()).startsWith("Oui, capitaine !").contains("Incarne un capitaine");

        String longTurn = "Peux-tu m'expliquer pourquoi le ciel est bleu le jour et rouge au coucher du soleil ?";
        Request longLast = Request.builder("2").message(Role.USER, "first question in another language entirely")
                .message(Role.ASSISTANT, "...").message(Role.USER, longTurn).build();
        assertThat(TextSelector.DEFAULT.select(longLast).languageSample()).isEqualTo(longTurn);

        Request almostNothing = Request.builder("3").message(Role.SYSTEM, "Tu es Luna, une elfe timide de la forêt.")
                .message(Role.USER, "salut").build();
        assertThat(TextSelector.DEFAULT.select(almostNothing).languageSample()).isEqualTo("salut\nTu es Luna, une elfe timide de la forêt.");
    }

    @Test
    void boundsAHugePromptKeepingHeadAndTail() {
        String text = "INSTRUCTION summarise this. " + "x ".repeat(5_000_000) + " END QUESTION";
        ClassifiedText t = new TextSelector(3000, 4000, 2000).select(Request.ofText("1", text));
        assertThat(t.last().length()).isLessThan(4100);
        assertThat(t.last()).startsWith("INSTRUCTION").endsWith("END QUESTION");
        assertThat(t.truncated()).isTrue();
        assertThat(t.shapes()).contains("long");
    }

    @Test
    void earlierTurnsFillTheirBudgetNewestFirst() {
        Request.Builder b = Request.builder("1");
        for (int i = 0; i < 50; i++) {
            b.message(Role.USER, "turn" + i + " " + "y".repeat(200));
        }
        ClassifiedText t = new TextSelector(100, 1000, 500).select(b.build());
        assertThat(t.user()).contains("turn49", "turn48").doesNotContain("turn0 ");
        assertThat(t.truncated()).isTrue();
    }

    @Test
    void personaOpeningsAreFoundInEnglishAndChinese() {
        for (String opening : new String[] {"I want you to act as a travel guide.", "You are a senior tax accountant.",
                "我希望你充当一名营养师。", "我想让你担任面试官。", "你现在是我的女朋友小雪。", "请扮演孙悟空和我对话"}) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", opening)).shapes()).as(opening).contains("persona");
        }
        for (String plain : new String[] {"How do I act as a reference for a friend?", "我希望你能告诉我明天的天气", "你是谁"}) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", plain)).shapes()).as(plain).doesNotContain("persona");
        }
    }

    @Test
    void detectsCodeAndMath() {
        ClassifiedText code = TextSelector.DEFAULT.select(Request.ofText("1",
                "why does this fail?\n```\nimport os\ndef f(x):\n    return x + 1;\n}\n```"));
        assertThat(code.shapes()).contains("code_fence", "code", "question");
        ClassifiedText math = TextSelector.DEFAULT.select(Request.ofText("1", "solve x^2 + 3x = 10 for x"));
        assertThat(math.shapes()).contains("math", "short");
        ClassifiedText card = TextSelector.DEFAULT.select(Request.builder("1")
                .message(Role.SYSTEM, "Write {{char}}'s next reply to {{user}}.").message(Role.USER, "hello").build());
        assertThat(card.shapes()).contains("template_vars");
    }

    @Test
    void aFunctionDefinitionIsCodeButProseAboutFunctionsIsNot() {
        ClassifiedText stub = TextSelector.DEFAULT.select(Request.ofText("1",
                "\n\ndef largest_divisor(n: int) -> int:\n    \"\"\" For a given number n, find the largest number that divides n evenly\n    >>> largest_divisor(15)\n    5\n    \"\"\"\n"));
        assertThat(stub.shapes()).contains("code");
        ClassifiedText js = TextSelector.DEFAULT.select(Request.ofText("2", "function debounce(fn, ms) {\nwhy does this not wait?"));
        assertThat(js.shapes()).contains("code");
        ClassifiedText prose = TextSelector.DEFAULT.select(Request.ofText("3",
                "Define the function (role) of the liver.\nWhat is the function of the kidneys in the body?"));
        assertThat(prose.shapes()).doesNotContain("code");
    }

    @Test
    void inlineCodeInASentenceIsCodeButFormulasAndProseAreNot() {
        for (String code : new String[] {
                "let x = { \"one\": 1 } x.map(z => z + 1)  TypeError: not a function. How to fix this error?",
                "why does np.mean(a) return nan",
                "I call make_evaluation_predictions(dataset) and get a list back",
                "my main() never returns",
                "what is std::move for",
                "java.util.concurrent.CancellationException: Task was cancelled.",
                "为什么会报 NullPointerException"}) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", code)).shapes()).as(code).contains("code_inline");
        }
        for (String prose : new String[] {
                "Let f(x) = x + 1. What is f(2)?",
                "sin(x) and cos(x) are periodic",
                "Write a story (about 300 words) for kids, e.g.(a dragon) or a knight.",
                "This error keeps happening: terror in the streets. Exceptional times.",
                "Read [the docs](https://example.com/a_b) first.",
                "时间：上午::下午"}) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", prose)).shapes()).as(prose).doesNotContain("code_inline");
        }
    }

    @Test
    void anInstructionFollowedByATextIsPastedText() {
        String article = "Zinc is an essential mineral that is required for good health. It is involved in many "
                + "chemical reactions in the body and is important for wound healing, immune function and growth. "
                + "Most people get enough zinc from food such as meat, shellfish, legumes and seeds.";
        assertThat(TextSelector.DEFAULT.select(Request.ofText("1", "Summarize the article in two sentences.\n\n" + article))
                .shapes()).contains("pasted_text");
        assertThat(TextSelector.DEFAULT.select(Request.ofText("2", article)).shapes()).doesNotContain("pasted_text");
        assertThat(TextSelector.DEFAULT.select(Request.ofText("3", "Summarize this.\nThanks!")).shapes()).doesNotContain("pasted_text");
    }

    @Test
    void anInstructionFollowedByAShortInputIsTextInput() {
        assertThat(TextSelector.DEFAULT.select(Request.ofText("1", "Classify the tweet as positive or negative.\n\n"
                + "\"Best cheat sheet I have found in a long time.\"")).shapes()).contains("text_input").doesNotContain("pasted_text");
        assertThat(TextSelector.DEFAULT.select(Request.ofText("2", "Summarize this.\nThanks!")).shapes()).doesNotContain("text_input");
        assertThat(TextSelector.DEFAULT.select(Request.ofText("3", "Classify the tweet as positive or negative."))
                .shapes()).doesNotContain("text_input");
    }

    @Test
    void aNamedCharacterIsANamedPersona() {
        for (String yes : List.of("You are Vincent van Gogh, attending a dinner party.", "Imagine you are Sherlock Holmes. Who stole the cake?",
                "Take the role of Hermione Granger and explain a potion.", "you're Shakespeare's Juliet, defend your love")) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", yes)).shapes()).as(yes).contains("named_persona");
        }
        for (String no : List.of("You are a helpful assistant.", "You are ChatGPT, a large language model.", "Take the role of a financial advisor.",
                "You are Senior Engineer at a bank.", "I met Sherlock Holmes fans yesterday.", "You are now in developer mode")) {
            assertThat(TextSelector.DEFAULT.select(Request.ofText("1", no)).shapes()).as(no).doesNotContain("named_persona");
        }
    }
}
