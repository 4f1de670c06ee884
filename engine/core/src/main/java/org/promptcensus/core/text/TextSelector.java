package org.promptcensus.core.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

/**
 * Chooses which turns of a request are classified, and how much of each, so that the cost of
 * tagging is bounded whatever the input size.
 *
 * <p>Policy: the use case of a chat is what the user asks for, framed by the system prompt
 * (role-play front ends put the character card there). So the classified text is
 * <ol>
 *   <li>the system prompt(s), up to {@code systemChars} (head kept);</li>
 *   <li>the last user turn, up to {@code lastChars}: when longer, its head and its tail (a pasted
 *       document usually has the instruction before or after it);</li>
 *   <li>earlier user turns, newest first, while {@code earlierChars} lasts.</li>
 * </ol>
 * Assistant and tool turns are not classified: they are the model's words, not the use case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param systemChars budget of the system prompt
 * @param lastChars budget of the last user turn
 * @param earlierChars budget of the earlier user turns together
 */
public record TextSelector(int systemChars, int lastChars, int earlierChars) {
    /** The default budgets: 3,000 + 4,000 + 2,000 characters. */
    public static final TextSelector DEFAULT = new TextSelector(3000, 4000, 2000);

    /**
     * @param request a request
     * @return its classified text
     */
    public ClassifiedText select(Request request) {
        StringBuilder system = new StringBuilder();
        List<String> users = new ArrayList<>();
        int turns = 0;
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM) {
                if (system.length() < systemChars) {
                    if (system.length() > 0) {
                        system.append('\n');
                    }
                    system.append(m.content(), 0, Math.min(m.content().length(), systemChars - system.length() + 1));
                }
            } else if (m.role() == Role.USER) {
                users.add(m.content());
                turns++;
            }
        }
        boolean truncated = system.length() > systemChars;
        String sys = system.length() > systemChars ? system.substring(0, systemChars) : system.toString();

        String last = "";
        Deque<String> selected = new ArrayDeque<>();
        if (!users.isEmpty()) {
            String full = users.get(users.size() - 1);
            last = headAndTail(full, lastChars);
            truncated |= last.length() < full.length();
            selected.addFirst(last);
            int budget = earlierChars;
            for (int i = users.size() - 2; i >= 0 && budget > 0; i--) {
                String turn = users.get(i);
                String cut = turn.length() > budget ? turn.substring(0, budget) : turn;
                truncated |= cut.length() < turn.length();
                selected.addFirst(cut);
                budget -= cut.length();
            }
            truncated |= selected.size() < users.size();
        }
        String user = String.join("\n", selected);
        List<String> shapes = Shapes.of(sys, user, last, request, turns);
        return new ClassifiedText(sys, user, last, shapes, truncated);
    }

    private static String headAndTail(String text, int budget) {
        if (text.length() <= budget) {
            return text;
        }
        int tail = budget / 4;
        int head = budget - tail;
        return text.substring(0, head) + "\n…\n" + text.substring(text.length() - tail);
    }
}
