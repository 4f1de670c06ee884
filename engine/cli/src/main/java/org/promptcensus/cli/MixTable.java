package org.promptcensus.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.promptcensus.core.mix.LengthStats;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixSpec;

/** Prints a mix as a readable table: one line per group and period, its largest shares first. */
final class MixTable {
    private final Writer out;

    MixTable(Writer out) {
        this.out = out;
    }

    void print(MixSpec spec, List<MixRow> rows, boolean corrected, List<LengthStats.Row> lengths) throws IOException {
        Map<String, List<MixRow>> groups = new LinkedHashMap<>();
        for (MixRow r : rows) {
            groups.computeIfAbsent(r.group() + "\u0000" + r.period(), k -> new ArrayList<>()).add(r);
        }
        out.write(String.format("%s mix by %s, %s-weighted%s%s%n%n", spec.facet().label(), spec.by().label(),
                spec.weighting().name().toLowerCase(), spec.period().name().equals("ALL") ? "" : ", per " + spec.period().name().toLowerCase(),
                corrected ? "; corrected share [95% interval] after the raw one" : ""));
        out.write(String.format("%-42s %-11s %12s %10s  %s%n", "group", "period", "tokens", "requests", "shares"));
        for (List<MixRow> g : groups.values()) {
            double tokens = 0;
            double requests = 0;
            StringBuilder shares = new StringBuilder();
            int shown = 0;
            int suppressed = 0;
            for (MixRow r : g) {
                if (r.suppressed()) {
                    suppressed++;
                    continue;
                }
                tokens += r.tokens();
                requests += r.requests();
                if (shown++ < 6) {
                    shares.append(shares.length() == 0 ? "" : "  ").append(r.value()).append(' ')
                            .append(String.format("%.1f%%", 100 * r.share()));
                    if (r.correctedShare() != null) {
                        shares.append(String.format(" (%.1f%% [%.1f-%.1f])", 100 * r.correctedShare(), 100 * r.ciLow(), 100 * r.ciHigh()));
                    }
                }
            }
            if (suppressed > 0) {
                shares.append(shares.length() == 0 ? "" : "  ").append("(").append(suppressed).append(" suppressed)");
            }
            MixRow first = g.get(0);
            String name = first.group().length() > 42 ? first.group().substring(0, 41) + "…" : first.group();
            out.write(String.format("%-42s %-11s %12.0f %10.0f  %s%n", name, first.period(), tokens, requests, shares));
        }
        if (!lengths.isEmpty()) {
            out.write(String.format("%n%-18s %9s %9s %7s %7s %7s %9s %7s %7s %7s%n", "category", "requests", "prompt", "p50", "p90",
                    "p99", "complet.", "p50", "p90", "p99"));
            for (LengthStats.Row r : lengths) {
                out.write(String.format("%-18s %9d %9.0f %7d %7d %7d %9.0f %7d %7d %7d%n", r.category(), r.requests(), r.promptMean(),
                        r.promptP50(), r.promptP90(), r.promptP99(), r.completionMean(), r.completionP50(), r.completionP90(),
                        r.completionP99()));
            }
        }
    }
}
