package org.promptcensus.core.analysis;

/**
 * An analysed term and its position increment.
 *
 * @param term the term text
 * @param positionIncrement positions since the previous token (1 for adjacent words)
 */
public record Token(String term, int positionIncrement) {
}
