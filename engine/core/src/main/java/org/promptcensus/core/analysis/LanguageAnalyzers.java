package org.promptcensus.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Lucene analyzer of each language: English is lower-cased and Porter-stemmed; Chinese is
 * indexed as single characters plus overlapping character bigrams (the English words inside
 * Chinese text are stemmed like English); every other language is tokenized by ICU and case- and
 * accent-folded.
 *
 * <p>Why bigrams rather than a word segmenter for Chinese: a segmenter cuts the same word
 * differently by context (SmartChinese keeps 发烧 whole on its own but splits 我发烧了 into 发/烧),
 * so a rule term would match one prompt and miss the next. Bigrams match a term wherever its
 * characters are adjacent, and give the model robust features. Analyzers keep stop
 * words: "not" and "do" matter in intent phrases.
 *
 * <p>Thread-safe: Lucene analyzers reuse per-thread components.
 */
public final class LanguageAnalyzers implements AutoCloseable {
    /** The analysis group of languages without an analyzer of their own. */
    public static final String DEFAULT_GROUP = "xx";

    private final Analyzer english = new EnglishAnalyzerNoStop();
    private final Analyzer chinese = new ChineseBigramAnalyzer();
    private final Analyzer folding = new FoldingAnalyzer();
    private final Map<String, Analyzer> byGroup = Map.of("en", english, "zh", chinese, DEFAULT_GROUP, folding);
    private final java.util.Set<String> stopTerms = stopTerms();

    /** Function words, as terms after analysis: they carry no topic, only style. */
    private java.util.Set<String> stopTerms() {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.List<String> en = new java.util.ArrayList<>();
        org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> en.add(new String((char[]) w)));
        en.addAll(java.util.List.of("do", "does", "did", "have", "has", "had", "from", "so", "am", "were", "been", "its", "about",
                // pronouns and all-purpose verbs: every category's requests use them, a small corpus
                // gives them a category's accent
                "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "we", "us", "our", "he", "him", "his",
                "she", "her", "them", "i'm", "i've", "i'd", "i'll", "you're", "it's", "don't", "can't", "im", "dont",
                "can", "could", "would", "should", "may", "might", "must", "shall", "want", "like", "need", "get", "got",
                "please", "thanks", "thank", "help", "know", "just", "also", "very", "really", "some", "any", "all", "what", "which",
                "who", "how", "when", "where", "why", "here", "out", "up", "down", "over", "more", "most", "other", "than", "too",
                "only", "one", "two", "new", "make", "give", "tell", "let", "use", "using", "go", "see", "say", "think", "look"));
        for (String w : en) {
            AnalyzedText.tokens(english, w).forEach(t -> out.add(t.term()));
        }
        for (String w : ("的 了 是 在 和 与 及 就 都 也 还 这 那 个 吗 呢 吧 啊 呀 着 过 之 其 或 被 把 给 让 对 从 而 并 等 很 又 一个 这个 那个 一下 一些 "
                + "我 你 他 她 它 我们 你们 他们 您 我的 你的 请 请问 帮 帮我 想 要 能 可以 会 吗 什么 怎么 怎么办 如何 为什么 谢谢 有 没有 一 不 "
                // single characters of function words: bigrams carry the words, these only the style
                + "么 什 怎 样 哪 为 们 没 去 来 说 做 到 如 何 问 些 以 可 该 应 需 此 啥 咋").split(" ")) {
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

    /**
     * Words Porter stems onto unrelated ones, each with the stem it keeps instead: "added" and
     * "adding" became "ad" (an advert), "organize" and "organization" became "organ" (anatomy),
     * "news" became "new", "computer" became "comput" (a calculation). Immutable, shared by every analyzer instance.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();

    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
        StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
        b.add("added", "add");
        b.add("adding", "add");
        for (String w : List.of("organize", "organizes", "organized", "organizing", "organizer", "organizers",
                "organise", "organises", "organised", "organising", "organiser", "organisers",
                "organization", "organizations", "organizational", "organisation", "organisations", "organisational")) {
            b.add(w, "organiz");
        }
        b.add("news", "news");
        b.add("computer", "computer");
        b.add("computers", "computer");
        b.add("computing", "computing");
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard tokenizer, possessive removal, lower case, Porter stemming (with {@link #STEM_OVERRIDES}); no stop words. */
    private static final class EnglishAnalyzerNoStop extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StemmerOverrideFilter(result, STEM_OVERRIDES);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Standard tokenization, width folding, lower case, CJK unigrams + bigrams, Porter stemming of Latin words. */
    private static final class ChineseBigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(result);
            result = new CJKBigramFilter(result, CJKBigramFilter.HAN, true);
            result = new StemmerOverrideFilter(result, STEM_OVERRIDES);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
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
