package org.promptcensus.cli;

import java.io.PrintStream;
import org.promptcensus.api.Evidence;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;

/** Prints one tagged request as a readable table with its evidence. */
final class TagTable {
    private final PrintStream out;

    TagTable(PrintStream out) {
        this.out = out;
    }

    void print(TaggedRequest t) {
        out.println("language: " + t.lang());
        for (TagSet set : t.tagSets()) {
            out.println();
            out.printf("%-10s %-20s %6s  %s%n", "taxonomy", "category", "score", "evidence");
            for (Tag tag : set.tags()) {
                out.printf("%-10s %-20s %6.3f  %s%n", set.taxonomy(), tag.id(), tag.score(), evidence(tag));
            }
        }
        if (!t.warnings().isEmpty()) {
            out.println();
            out.println("warnings: " + String.join(", ", t.warnings()));
        }
    }

    private static String evidence(Tag tag) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Evidence e : tag.evidence()) {
            if (n++ == 6) {
                sb.append(" …");
                break;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.kind() == Evidence.Kind.RULE ? "rule " : "").append(e.source())
                    .append(String.format(e.kind() == Evidence.Kind.RULE ? " %+.1f" : " %.2f", e.weight()));
        }
        return sb.toString();
    }
}
