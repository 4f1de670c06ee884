package org.promptcensus.core.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The Lucene analyzer of each language: English is lower-cased and Porter-stemmed, Chinese is
 * segmented into words by SmartChinese (which also stems the English words inside Chinese text),
 * and every other language is tokenized by ICU and case- and accent-folded. Analyzers keep stop
 * words: "not" and "do" matter in intent phrases.
 *
 * <p>Thread-safe: Lucene analyzers reuse per-thread components.
 */
public final class LanguageAnalyzers implements AutoCloseable {
    /** The analysis group of languages without an analyzer of their own. */
    public static final String DEFAULT_GROUP = "xx";

    private final Analyzer english = new EnglishAnalyzerNoStop();
    private final Analyzer chinese = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
    private final Analyzer folding = new FoldingAnalyzer();
    private final Map<String, Analyzer> byGroup = Map.of("en", english, "zh", chinese, DEFAULT_GROUP, folding);
    private final java.util.Set<String> stopTerms = stopTerms();

    /** Function words, as terms after analysis: they carry no topic, only style. */
    private java.util.Set<String> stopTerms() {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.List<String> en = new java.util.ArrayList<>();
        org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> en.add(new String((char[]) w)));
        en.addAll(java.util.List.of("do", "does", "did", "have", "has", "had", "from", "so", "am", "were", "been", "its", "about"));
        for (String w : en) {
            AnalyzedText.tokens(english, w).forEach(t -> out.add(t.term()));
        }
        for (String w : "的 了 是 在 和 与 及 就 都 也 还 这 那 个 吗 呢 吧 啊 呀 着 过 之 其 或 被 把 给 让 对 从 而 并 等 很 又 一个 这个 那个 一下 一些".split(" ")) {
            out.add(w);
        }
        return java.util.Set.copyOf(out);
    }

    /**
     * @param term an analysed term
     * @return true when it is a function word (of English or Chinese) that carries no topic
     */
    public boolean isStopTerm(String term) {
        return stopTerms.contains(term);
    }

    /**
     * @param lang an ISO 639-1 code (or {@code und})
     * @return the analysis group of that language: {@code en}, {@code zh} or {@link #DEFAULT_GROUP}
     */
    public static String group(String lang) {
        return switch (lang) {
            case "en", "zh" -> lang;
            default -> DEFAULT_GROUP;
        };
    }

    /**
     * @param lang an ISO 639-1 code
     * @return the analyzer of that language's group
     */
    public Analyzer forLanguage(String lang) {
        return byGroup.get(group(lang));
    }

    @Override
    public void close() {
        english.close();
        chinese.close();
        folding.close();
    }

    /** Standard tokenizer, possessive removal, lower case, Porter stemming; no stop words. */
    private static final class EnglishAnalyzerNoStop extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** ICU word segmentation (dictionary-based for CJK and Thai) with Unicode case/accent folding. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new ICUTokenizer();
            return new TokenStreamComponents(source, new ICUFoldingFilter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ICUFoldingFilter(in);
        }
    }
}
