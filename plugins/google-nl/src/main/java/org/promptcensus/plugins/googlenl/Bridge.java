package org.promptcensus.plugins.googlenl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

/**
 * The bridge between the {@code google-nl} input format and the {@code google-nl} tagger. The
 * canonical request has no place for precomputed labels, so the format writes them into a reserved
 * system message, {@code [google-nl] /Adult 0.90; /Games/Roleplaying Games 0.62}, and the tagger
 * reads them back. Requests without such a message are not from this format and are ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class Bridge {
    /** The prefix that marks the reserved system message. */
    public static final String PREFIX = "[google-nl]";

    private Bridge() {
    }

    /**
     * @param categories the response's categories, in its order
     * @return the reserved system message's text
     */
    public static String encode(List<NlCategory> categories) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < categories.size(); i++) {
            NlCategory c = categories.get(i);
            sb.append(i == 0 ? " " : "; ").append(c.name().replace(';', ',').trim())
                    .append(String.format(Locale.ROOT, " %.2f", c.confidence()));
        }
        return sb.toString();
    }

    /**
     * @param request a request
     * @return the categories of its reserved system message, or empty when it has none
     */
    public static Optional<List<NlCategory>> find(Request request) {
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM && m.content().startsWith(PREFIX)) {
                return Optional.of(parse(m.content()));
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a reserved message; parts that are not {@code PATH CONFIDENCE} are left out.
     *
     * @param text the message's text, starting with {@link #PREFIX}
     * @return its categories
     */
    public static List<NlCategory> parse(String text) {
        List<NlCategory> out = new ArrayList<>();
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        for (String part : body.split(";")) {
            String p = part.trim();
            int space = p.lastIndexOf(' ');
            if (!p.startsWith("/") || space < 0) {
                continue;
            }
            try {
                double confidence = Double.parseDouble(p.substring(space + 1));
                if (confidence >= 0 && confidence <= 1) {
                    out.add(new NlCategory(p.substring(0, space).trim(), confidence));
                }
            } catch (NumberFormatException e) {
                // not a PATH CONFIDENCE part: someone else's text after the prefix; ignored by design
            }
        }
        return out;
    }
}
