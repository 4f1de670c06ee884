package org.promptcensus.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Identifies the language of a text with OpenNLP's 103-language model
 * ({@code opennlp-models-langdetect}), on a bounded prefix, helped by script counts where the
 * statistical model is weak (short texts, and texts whose script settles the question: kana means
 * Japanese, Hangul Korean, Han without kana Chinese).
 *
 * <p>Thread-safe: the model is immutable and each call uses its own detector.
 */
public final class LanguageIdentifier {
    /** The resource at the root of the langdetect model jar. */
    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Characters of text looked at, at most. */
    public static final int PREFIX_CHARS = 400;
    /** The code for an undetermined language. */
    public static final String UNDETERMINED = "und";

    private static final Map<String, String> ISO3_TO_ISO1 = Map.ofEntries(
            Map.entry("eng", "en"), Map.entry("cmn", "zh"), Map.entry("zho", "zh"), Map.entry("yue", "zh"),
            Map.entry("wuu", "zh"), Map.entry("spa", "es"), Map.entry("fra", "fr"), Map.entry("deu", "de"),
            Map.entry("jpn", "ja"), Map.entry("rus", "ru"), Map.entry("por", "pt"), Map.entry("ita", "it"),
            Map.entry("nld", "nl"), Map.entry("kor", "ko"), Map.entry("ara", "ar"), Map.entry("tur", "tr"),
            Map.entry("pol", "pl"), Map.entry("ukr", "uk"), Map.entry("vie", "vi"), Map.entry("tha", "th"),
            Map.entry("ind", "id"), Map.entry("hin", "hi"), Map.entry("swe", "sv"), Map.entry("ces", "cs"),
            Map.entry("ell", "el"), Map.entry("heb", "he"), Map.entry("fas", "fa"), Map.entry("pes", "fa"),
            Map.entry("dan", "da"), Map.entry("fin", "fi"), Map.entry("nor", "no"), Map.entry("nob", "no"),
            Map.entry("ron", "ro"), Map.entry("hun", "hu"), Map.entry("bul", "bg"), Map.entry("cat", "ca"),
            Map.entry("msa", "ms"), Map.entry("zsm", "ms"), Map.entry("ben", "bn"), Map.entry("urd", "ur"),
            Map.entry("tam", "ta"), Map.entry("slk", "sk"), Map.entry("hrv", "hr"), Map.entry("srp", "sr"),
            Map.entry("lit", "lt"), Map.entry("lav", "lv"), Map.entry("est", "et"), Map.entry("slv", "sl"),
            Map.entry("tgl", "tl"), Map.entry("afr", "af"));

    private final LanguageDetectorModel model;

    /** Loads the model from the classpath. */
    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new CensusException(ErrorCode.BAD_MODEL,
                        "language model " + MODEL_RESOURCE + " is not on the classpath (opennlp-models-langdetect)");
            }
            this.model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_MODEL, "cannot read language model " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param text any text
     * @return an ISO 639-1 code where one exists, the model's ISO 639-3 code otherwise, or
     *         {@link #UNDETERMINED} for text without letters
     */
    public String identify(CharSequence text) {
        CharSequence whole = text.length() > PREFIX_CHARS ? text.subSequence(0, PREFIX_CHARS) : text;
        CharSequence prefix = outsideQuotes(whole);
        ScriptCounts scripts = ScriptCounts.of(prefix);
        if (scripts.letters() == 0) {
            return UNDETERMINED;
        }
        // Kana means Japanese when Japanese script is a fair share of the text: an English prompt
        // with a kaomoji, (￣▽￣)ノ, is not.
        if (scripts.kana() > 0 && scripts.kana() * 10 >= scripts.han() && (scripts.kana() + scripts.han()) * 4 >= scripts.letters()) {
            return "ja";
        }
        if (scripts.hangul() * 3 >= scripts.letters()) {
            return "ko";
        }
        // An instruction before a text to work on, in another language than the text ("Summarize
        // the following: <Chinese>", 帮我把这段英文润色一下：<English>): the request is the
        // instruction's language, the text is only its object.
        CharSequence head = scripts.han() > 0 && scripts.kana() == 0 ? instructionHead(prefix) : null;
        if (head != null) {
            ScriptCounts h = ScriptCounts.of(head);
            if (h.han() >= MIN_HEAD_HAN && h.han() * 2 >= h.letters()) {
                return "zh";
            }
            if (h.han() == 0 && h.latin() == h.letters() && (EnglishCue.isEnglish(head) || opensWithEnglishInstruction(head))) {
                return "en";
            }
        }
        // Han characters carry a word each: a prompt with a fair share of them is Chinese even
        // when it quotes English code or terms.
        if (scripts.han() > 0 && scripts.han() * 4 >= scripts.letters()) {
            return "zh";
        }
        if (scripts.cyrillic() * 2 >= scripts.letters()) {
            return scripts.letters() < 20 ? "ru" : toIso1(new LanguageDetectorME(model).predictLanguage(prefix), "ru");
        }
        if (scripts.letters() < 20 && scripts.latin() == scripts.letters()) {
            // The model guesses wildly on a few Latin letters; most short traffic is English.
            return "en";
        }
        if (scripts.latin() == scripts.letters() && EnglishCue.isEnglish(prefix)) {
            // Most traffic is English: function words tell it at once, without the 103-language model.
            return "en";
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(prefix);
        Language best = ranked.length == 0 ? null : ranked[0];
        // Code, formulas and lists of names fool the model into rare languages (Latin, Esperanto,
        // Waray). A guess outside the languages of real traffic, or one that does not stand out
        // from the runner-up, is not trusted for Latin-script text, which is then taken as
        // English, the lingua franca of prompts.
        boolean clear = best != null && ranked.length > 1 && best.getConfidence() >= MIN_MARGIN * ranked[1].getConfidence();
        if (best == null || !ISO3_TO_ISO1.containsKey(best.getLang()) || !clear) {
            return scripts.latin() * 2 >= scripts.letters() ? "en" : toIso1(best, "en");
        }
        return toIso1(best, "en");
    }

    /** A short quotation, in straight, curly, corner or guillemet quotes. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile(
            "\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|「[^」\n]{1,80}」|『[^』\n]{1,80}』|«[^»\n]{1,80}»|‘[^’\n]{1,80}’");
    /**
     * Quoted words are what a request is about, not the language it is written in: 日语里的
     * “よろしくお願いします”怎么翻译 is Chinese, what does "你好" mean is English.
     *
     * @return the text without its quotations when enough is left to judge, else the text
     */
    private static CharSequence outsideQuotes(CharSequence text) {
        if (!hasQuote(text)) {
            return text;
        }
        CharSequence unquoted = QUOTED.matcher(text).replaceAll(" ");
        return ScriptCounts.of(unquoted).letters() >= MIN_UNQUOTED_LETTERS ? unquoted : text;
    }

    private static boolean hasQuote(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '"', '“', '「', '『', '«', '‘' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Text outside quotations with fewer letters than this is judged with its quotations. */
    private static final int MIN_UNQUOTED_LETTERS = 4;
    /** Han characters an instruction head needs to count as Chinese (and text after it). */
    private static final int MIN_HEAD_HAN = 4;
    /** How far into the text an instruction head may end. */
    private static final int MAX_HEAD_CHARS = 80;

    /** Verbs an English instruction about a given text opens with. */
    private static final java.util.Set<String> INSTRUCTION_VERBS = java.util.Set.of("summarize", "summarise", "translate",
            "rewrite", "paraphrase", "proofread", "correct", "fix", "edit", "polish", "improve", "shorten", "simplify", "explain",
            "classify", "extract", "analyze", "analyse", "convert", "answer", "reply", "respond", "describe", "identify", "check",
            "review", "list", "format", "reformat", "condense", "expand", "continue", "complete");

    /** @return true when the text has two or more words and the first is an instruction verb */
    private static boolean opensWithEnglishInstruction(CharSequence head) {
        String h = head.toString().strip();
        int space = h.indexOf(' ');
        return space > 0 && INSTRUCTION_VERBS.contains(h.substring(0, space).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * @return the instruction the text opens with: up to a colon or a line break within
     *         {@value #MAX_HEAD_CHARS} characters, with at least {@value #MIN_HEAD_HAN} characters
     *         of text after it; null when the text has no such opening
     */
    private static CharSequence instructionHead(CharSequence text) {
        for (int i = 0; i < Math.min(text.length(), MAX_HEAD_CHARS); i++) {
            char c = text.charAt(i);
            if (c == '：' || c == ':' || c == '\n') {
                return text.length() - i > MIN_HEAD_HAN ? text.subSequence(0, i) : null;
            }
        }
        return null;
    }

    /** How much more likely than the runner-up a Latin-script guess must be to be trusted. */
    private static final double MIN_MARGIN = 1.5;

    private static String toIso1(Language language, String fallback) {
        if (language == null || language.getLang() == null) {
            return fallback;
        }
        return ISO3_TO_ISO1.getOrDefault(language.getLang(), language.getLang());
    }
}
