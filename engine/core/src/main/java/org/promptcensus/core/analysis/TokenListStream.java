package org.promptcensus.core.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Replays already analysed tokens as a Lucene token stream. Single use, like every TokenStream. */
public final class TokenListStream extends TokenStream {
    private final List<Token> tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private int next;

    /** @param tokens the tokens to replay */
    public TokenListStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token t = tokens.get(next++);
        term.setEmpty().append(t.term());
        // Keep increments of 0 (CJK bigrams stand at their first character's position); only the
        // first token must advance.
        inc.setPositionIncrement(next == 1 ? Math.max(1, t.positionIncrement()) : Math.max(0, t.positionIncrement()));
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }
}
