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
