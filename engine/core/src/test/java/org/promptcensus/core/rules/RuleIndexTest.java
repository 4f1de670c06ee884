package org.promptcensus.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.core.TestTaxonomies;
import org.promptcensus.core.analysis.LanguageIdentifier;
import org.promptcensus.core.analysis.RequestAnalyzer;
import org.promptcensus.core.taxonomy.CategoryRules;
import org.promptcensus.core.taxonomy.RuleDefinition;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.text.TextSelector;

class RuleIndexTest {
    private static final RequestAnalyzer ANALYZER = new RequestAnalyzer(TextSelector.DEFAULT, new LanguageIdentifier());
    private static final RuleIndex RULES = new RuleIndex(TestTaxonomies.mini().taxonomy(), ANALYZER.analyzers());

    @AfterAll
    static void close() {
        RULES.close();
        ANALYZER.close();
    }

    /** The mini taxonomy with only these rules, all for category {@code code}. */
    private static Taxonomy codeRules(RuleDefinition... rules) {
        Taxonomy mini = TestTaxonomies.mini().taxonomy();
        return new Taxonomy("t", 1, "", null, mini.categories(), List.of(new CategoryRules("code", List.of(rules))), mini.fusion(), "test");
    }

    private static List<String> hits(Request r) {
        return RULES.match(ANALYZER.analyze(r)).stream().map(RuleHit::qualifiedId).toList();
    }

    @Test
    void matchesStemmedPhrasesAndProximity() {
        assertThat(hits(Request.ofText("1", "I keep getting a Python syntax error when I run this script"))).contains("code:python-near-error");
        assertThat(hits(Request.ofText("1", "here is the full stack traces from the crash log"))).contains("code:stack-trace");
        assertThat(hits(Request.ofText("1", "python is a snake; I made an error in my essay about it"))).doesNotContain("code:python-near-error");
    }

    @Test
    void matchesShapesAndFields() {
        assertThat(hits(Request.ofText("1", "fix:\n```\nx = 1\n```"))).contains("code:fence");
        Request card = Request.builder("1").message(Role.SYSTEM, "You are a character named Kai.").message(Role.USER, "hi").build();
        assertThat(hits(card)).contains("chat:card");
        Request notInSystem = Request.ofText("1", "what is a character set in mysql");
        assertThat(hits(notInSystem)).doesNotContain("chat:card");
    }

    @Test
    void languageRulesApplyOnlyToTheirLanguage() {
        assertThat(hits(Request.ofText("1", "这段代码为什么一直报错，帮我看看"))).contains("code:zh-code");
        assertThat(hits(Request.ofText("1", "Please review this code and the error it shows"))).doesNotContain("code:zh-code");
    }

    @Test
    void chineseTermsMatchInsideLongerTextWhateverTheSegmentation() {
        assertThat(hits(Request.ofText("1", "我被取保候审了，这种情况还能出国吗"))).contains("code:zh-regex");
        assertThat(hits(Request.ofText("1", "怎么写一个匹配邮箱的正则表达式"))).contains("code:zh-regex");
        assertThat(hits(Request.ofText("1", "我想学习表达方式"))).doesNotContain("code:zh-regex");
    }

    @Test
    void lexiconRulesMatchTermsAndExactPhrasesOnly() {
        assertThat(hits(Request.ofText("1", "my serum creatinine is 1.1, is that bad"))).contains("code:lexicon");
        assertThat(hits(Request.ofText("1", "the serum test showed high creatinine"))).doesNotContain("code:lexicon");
        assertThat(hits(Request.ofText("1", "Kubectl keeps timing out"))).contains("code:lexicon");
    }

    @Test
    void negativeRulesAndSubcategoriesMatchToo() {
        assertThat(hits(Request.ofText("1", "act as a linux terminal"))).contains("code:terminal", "chat:not-terminal");
        assertThat(hits(Request.ofText("1", "be my girlfriend"))).contains("chat/companion:girlfriend");
    }

    @Test
    void aBrokenQueryNamesTheRule() {
        Taxonomy bad = codeRules(new RuleDefinition("broken", "\"unclosed phrase", 1, List.of()));
        assertThatThrownBy(() -> new RuleIndex(bad, ANALYZER.analyzers()))
                .isInstanceOfSatisfying(CensusException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_RULE))
                .hasMessageContaining("t/code:broken");
    }

    @Test
    void anUnknownFieldNamesTheRule() {
        Taxonomy bad = codeRules(new RuleDefinition("typo", "sytem:card", 1, List.of()));
        assertThatThrownBy(() -> new RuleIndex(bad, ANALYZER.analyzers()))
                .isInstanceOf(CensusException.class).hasMessageContaining("unknown field 'sytem'");
    }

    @Test
    void rulesOnEachFieldMatchOnlyThatField() {
        // lucene-monitor indexes only the fields its queries read; the term-set matcher reads only those its rules name.
        Taxonomy t = codeRules(
                new RuleDefinition("in-user", "user:\"blue whale\"~1", 1, List.of()),
                new RuleDefinition("in-last", "last:\"blue whale\"~1", 1, List.of()),
                new RuleDefinition("in-system", "system:\"blue whale\"~1", 1, List.of()));
        try (RuleIndex rules = new RuleIndex(t, ANALYZER.analyzers())) {
            Request earlyTurn = Request.builder("1").message(Role.SYSTEM, "You answer questions about animals.")
                    .message(Role.USER, "tell me about the blue whale").message(Role.ASSISTANT, "It is large.")
                    .message(Role.USER, "and how long does it live").build();
            assertThat(rules.match(ANALYZER.analyze(earlyTurn)).stream().map(RuleHit::qualifiedId)).containsExactly("code:in-user");
            Request inSystem = Request.builder("2").message(Role.SYSTEM, "You are a blue whale.").message(Role.USER, "hi").build();
            assertThat(rules.match(ANALYZER.analyze(inSystem)).stream().map(RuleHit::qualifiedId)).containsExactly("code:in-system");
            assertThat(rules.match(ANALYZER.analyze(Request.ofText("3", "is the blue whale the largest animal")))
                    .stream().map(RuleHit::qualifiedId)).containsExactly("code:in-last", "code:in-user");
        }
    }

    @Test
    void theHeadFieldIsTheOpeningOfTheLastTurn() {
        Taxonomy t = codeRules(new RuleDefinition("head-summary", "head:(summarize OR \"sum up\")", 1, List.of()),
                new RuleDefinition("zh-head", "head:\"总结\"", 1, List.of()));
        try (RuleIndex fast = new RuleIndex(t, ANALYZER.analyzers(), null, true);
                RuleIndex reference = new RuleIndex(t, ANALYZER.analyzers(), null, false)) {
            String passage = " The committee met on Tuesday to discuss the budget, the new hires and the office move planned for spring.";
            Object[][] cases = {
                {"Summarize the following article in three lines:" + passage, List.of("code:head-summary")},
                {"Here is an article from our newsletter that I wrote last week for the team:" + passage + " Summarize it.", List.of()},
                {"请总结下面这篇文章的要点：委员会周二开会讨论了预算、新员工和春季搬迁办公室的计划。", List.of("code:zh-head")},
                {"委员会周二开会讨论了预算、新员工和春季搬迁办公室的计划，请帮我总结。", List.of()},
            };
            for (Object[] c : cases) {
                var analysed = ANALYZER.analyze(Request.ofText("1", (String) c[0]));
                assertThat(fast.match(analysed).stream().map(RuleHit::qualifiedId).toList()).as((String) c[0]).isEqualTo(c[1]);
                assertThat(fast.match(analysed)).as((String) c[0]).isEqualTo(reference.match(analysed));
            }
            // the head is the last turn's, not the first's
            Request chat = Request.builder("2").message(Role.USER, "summarize this please").message(Role.ASSISTANT, "Sure.")
                    .message(Role.USER, "now translate the summary into French").build();
            assertThat(fast.match(ANALYZER.analyze(chat))).isEmpty();
        }
    }

    @Test
    void sloppyPhrasesBooleansAndPatternsMatchAsLuceneDoes() {
        Taxonomy t = codeRules(
                new RuleDefinition("near", "\"whale blue\"~2", 1, List.of()),
                new RuleDefinition("and-not", "whale AND ocean AND NOT zoo", 1, List.of()),
                new RuleDefinition("pattern", "/whal[a-z]+/ AND (big OR large)", 1, List.of()),
                new RuleDefinition("must-should", "+whale (krill plankton)", 1, List.of()),
                new RuleDefinition("prefix", "kril* OR plank*", 1, List.of()));
        try (RuleIndex fast = new RuleIndex(t, ANALYZER.analyzers(), null, true);
                RuleIndex reference = new RuleIndex(t, ANALYZER.analyzers(), null, false)) {
            assertThat(fast.monitoredVariants()).isZero();
            Object[][] cases = {
                {"the blue whale swims in the ocean", List.of("code:and-not", "code:must-should", "code:near")},
                {"the whale in the ocean zoo is blue", List.of("code:must-should")},
                {"large whales eat krill", List.of("code:must-should", "code:pattern", "code:prefix")},
                {"blue is the colour of this enormous whale", List.of("code:must-should")},
                // "whale blue"~2, the two-term case checked around its anchor: reversed and adjacent
                // is within the slop (2), one word between them in reverse order is not
                {"a blue whale", List.of("code:must-should", "code:near")},
                {"blue and whale", List.of("code:must-should")},
                {"whale, very very blue", List.of("code:must-should", "code:near")},
                {"whale, very very very blue", List.of("code:must-should")},
            };
            for (Object[] c : cases) {
                var analysed = ANALYZER.analyze(Request.ofText("1", (String) c[0]));
                assertThat(fast.match(analysed).stream().map(RuleHit::qualifiedId).toList()).as((String) c[0]).isEqualTo(c[1]);
                assertThat(fast.match(analysed)).as((String) c[0]).isEqualTo(reference.match(analysed));
            }
            // a phrase that repeats a term is not a simple pair: "blue whale blue"~1 needs two blues
            Taxonomy repeated = codeRules(new RuleDefinition("twice", "\"blue whale blue\"~1", 1, List.of()),
                    new RuleDefinition("pair-gap", "\"whale ocean\"~0 OR \"deep ocean\"~3", 1, List.of()));
            try (RuleIndex fastRepeated = new RuleIndex(repeated, ANALYZER.analyzers(), null, true);
                    RuleIndex referenceRepeated = new RuleIndex(repeated, ANALYZER.analyzers(), null, false)) {
                for (String text : List.of("blue whale blue", "blue whale", "whale blue blue", "the ocean is deep", "deep in the blue ocean",
                        "deep in the cold blue ocean")) {
                    var analysed = ANALYZER.analyze(Request.ofText("3", text));
                    assertThat(fastRepeated.match(analysed)).as(text).isEqualTo(referenceRepeated.match(analysed));
                }
            }
            // a sloppy phrase does not reach from the system prompt into the user's turn
            Request split = Request.builder("2").message(Role.SYSTEM, "You talk about the whale.").message(Role.USER, "blue").build();
            assertThat(fast.match(ANALYZER.analyze(split))).isEqualTo(reference.match(ANALYZER.analyze(split)))
                    .extracting(RuleHit::qualifiedId).doesNotContain("code:near");
        }
    }
}
