package org.promptcensus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {
    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void porterConflationsOfUnrelatedWordsAreKeptApart() throws IOException {
        try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
            for (String lang : List.of("en", "zh")) {
                Analyzer a = analyzers.forLanguage(lang);
                assertThat(terms(a, "I added rows, adding more")).as(lang).contains("add").doesNotContain("ad");
                assertThat(terms(a, "ads for my shop")).as(lang).contains("ad");
                assertThat(terms(a, "organize the organization")).as(lang).containsOnly("organiz", "the");
                assertThat(terms(a, "a donated organ")).as(lang).contains("organ");
                assertThat(terms(a, "the news")).as(lang).contains("news");
                assertThat(terms(a, "computers and computing")).as(lang).contains("computer", "computing").doesNotContain("comput");
                assertThat(terms(a, "compute the sum")).as(lang).contains("comput");
                assertThat(terms(a, "running dogs")).as(lang).contains("run", "dog");
            }
        }
    }
}
