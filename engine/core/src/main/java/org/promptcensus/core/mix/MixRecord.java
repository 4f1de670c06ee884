package org.promptcensus.core.mix;

import java.time.Instant;
import java.util.List;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.api.Usage;

/**
 * A tagged record as the aggregators see it: its model's catalog entry, time, user, tokens,
 * language, tool use and tags. Holds no prompt text.
 *
 * @param tagged the tagged request (its messages may be empty: aggregators never read them)
 * @param model the model's catalog entry
 */
public record MixRecord(TaggedRequest tagged, ModelInfo model) {

    /** @return the request time, or null */
    public Instant created() {
        return tagged.request().created();
    }

    /** @return the user id, or null */
    public String user() {
        return tagged.request().user();
    }

    /** @return the language */
    public String lang() {
        return tagged.lang();
    }

    /** @return token counts */
    public Usage usage() {
        return tagged.request().usage();
    }

    /**
     * Tokens of the request: prompt plus completion; reasoning tokens count as completion (they are
     * inside {@code completion_tokens} as providers report them, and added when only they are known).
     *
     * @return the token weight of the record
     */
    public long tokens() {
        Usage u = usage();
        long prompt = u.promptTokens() == null ? 0 : u.promptTokens();
        long completion = u.completionTokens() != null ? u.completionTokens() : u.reasoningTokens() == null ? 0 : u.reasoningTokens();
        return prompt + completion;
    }

    /** @return true when the model was offered tools or ended in a tool call */
    public boolean toolCall() {
        return tagged.request().toolCount() > 0 || "tool_calls".equals(tagged.request().finishReason())
                || "tool_use".equals(tagged.request().finishReason());
    }

    /**
     * @param taxonomy a taxonomy id
     * @return its tags, best first (empty when it did not run)
     */
    public List<Tag> tags(String taxonomy) {
        return tagged.tags(taxonomy).map(TagSet::tags).orElse(List.of());
    }
}
