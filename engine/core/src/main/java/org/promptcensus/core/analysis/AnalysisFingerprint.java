package org.promptcensus.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.Version;

/**
 * A digest of how the analyzers treat text: the Lucene version and the terms, position increments
 * and position lengths each analysis group makes of a fixed probe text (stemming, the stem
 * overrides, possessives, width folding, CJK bigrams, accent folding). Compiled rules are stored
 * with the fingerprint of the analyzers that parsed them and are used only by analyzers with the
 * same one.
 *
 * <p>Stateless: thread-safe.
 */
public final class AnalysisFingerprint {
    /** Words and scripts every analyzer change worth noticing would treat differently. */
    private static final String PROBE = String.join(" ",
            "Translating the organization's computers and computing news, added adding running ran runs",
            "policies police generous generally stories story's I'm don't e-mail C++ node.js 3.14 2024-01-05",
            "ＦＵＬＬ-width ｶﾀｶﾅ 翻译这段话 我发烧了怎么办 取保候审 東京 日本語のテキスト",
            "Café crème Über straße Ελληνικά русский текст español añadir niño");

    private AnalysisFingerprint() {
    }

    /**
     * @param analyzers the analyzers
     * @return a hex digest, equal for analyzers that analyse the probe alike
     */
    public static String of(LanguageAnalyzers analyzers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Version.LATEST.toString().getBytes(StandardCharsets.UTF_8));
            for (String group : List.of("en", "zh", LanguageAnalyzers.DEFAULT_GROUP)) {
                digest.update((byte) 0);
                digest.update(group.getBytes(StandardCharsets.UTF_8));
                try (TokenStream ts = analyzers.forLanguage(group).tokenStream("text", PROBE)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                    PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        digest.update(term.toString().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update((byte) inc.getPositionIncrement());
                        digest.update((byte) len.getPositionLength());
                    }
                    ts.end();
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
