package org.promptcensus.api;

/**
 * Token counts of a completed request; any count may be unknown (null).
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens (including reasoning tokens, as the providers count them)
 * @param reasoningTokens the reasoning part of the output
 * @param cachedTokens the cached part of the input
 */
public record Usage(Long promptTokens, Long completionTokens, Long reasoningTokens, Long cachedTokens) {
    /** Usage with nothing known. */
    public static final Usage UNKNOWN = new Usage(null, null, null, null);

    /** @return true when no count is known */
    public boolean isEmpty() {
        return promptTokens == null && completionTokens == null && reasoningTokens == null && cachedTokens == null;
    }

    /** @return prompt plus completion tokens, unknown counts taken as zero */
    public long totalTokens() {
        return (promptTokens == null ? 0 : promptTokens) + (completionTokens == null ? 0 : completionTokens);
    }
}
