package org.promptcensus.core.taxonomy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Finds a query that mixes {@code AND} and {@code OR} in one bracket level. The classic query
 * parser has no operator precedence: {@code a OR b AND c} makes {@code b} and {@code c} required and
 * {@code a} optional, which is never what a rule author meant. Rules must bracket such groups:
 * {@code a OR (b AND c)}.
 *
 * <p>Stateless and thread-safe.
 */
final class QueryGrouping {
    private enum Op { AND, OR }

    private QueryGrouping() {
    }

    /**
     * @param query a rule query in classic syntax
     * @return the offending bracket group's opening text, or empty when every level uses one kind of operator
     */
    static Optional<String> ungroupedMix(String query) {
        Deque<EnumSet<Op>> levels = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        levels.push(EnumSet.noneOf(Op.class));
        starts.push(0);
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                levels.push(EnumSet.noneOf(Op.class));
                starts.push(i);
            } else if (!quoted && c == ')' && levels.size() > 1) {
                EnumSet<Op> ops = levels.pop();
                int start = starts.pop();
                if (ops.size() == 2) {
                    return Optional.of(excerpt(query, start));
                }
            } else if (!quoted && Character.isWhitespace(c)) {
                if (query.startsWith("OR", i + 1) && i + 3 < query.length() && Character.isWhitespace(query.charAt(i + 3))) {
                    levels.peek().add(Op.OR);
                } else if (query.startsWith("AND", i + 1) && i + 4 < query.length() && Character.isWhitespace(query.charAt(i + 4))) {
                    levels.peek().add(Op.AND);
                }
            }
        }
        return levels.peekLast().size() == 2 ? Optional.of(excerpt(query, 0)) : Optional.empty();
    }

    private static String excerpt(String query, int start) {
        String s = query.substring(start).replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
