package org.promptcensus.core.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.promptcensus.core.mix.ShareCorrector;
import org.promptcensus.core.run.RunSummary;

/**
 * Assembles the report: one self-contained HTML page (inline CSS, charts as inline SVG, no script,
 * no font, no request to anywhere: a Content-Security-Policy forbids any) with a header (run
 * summary, notes, how to read the charts) and one section per chart, each with the table behind it.
 * Every string from the data is escaped. The page holds aggregates only: no prompt text.
 *
 * <p>Not thread-safe: render once the run that fed the {@link ReportData} has ended.
 */
public final class HtmlReport {
    /** The policy that keeps the page from loading anything: inline styles only. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    /**
     * How to render.
     *
     * @param title the page title
     * @param top how many models the model chart shows
     * @param corrector corrects category shares for classifier errors, or null
     * @param confusionSource where the confusion matrix came from (shown in the notes), or null
     * @param generated when the report was made (shown in the header), or null
     */
    public record Options(String title, int top, ShareCorrector corrector, String confusionSource, Instant generated) {
        /** Validates. */
        public Options {
            if (top < 1) {
                throw new IllegalArgumentException("top must be at least 1");
            }
            title = title == null || title.isBlank() ? "Prompt Census report" : title;
        }

        /** @return the defaults: 12 models, no correction */
        public static Options defaults() {
            return new Options(null, 12, null, null, null);
        }
    }

    private final ReportData data;
    private final Options options;
    private final List<PluginTable> pluginTables;

    /**
     * @param data the roll-ups, fed by a finished run
     * @param options how to render
     */
    public HtmlReport(ReportData data, Options options) {
        this(data, options, List.of());
    }

    /**
     * @param data the roll-ups, fed by a finished run
     * @param options how to render
     * @param pluginTables the tables of plugin aggregators run over the same records, each shown as
     *        a section after the built-in ones
     */
    public HtmlReport(ReportData data, Options options, List<PluginTable> pluginTables) {
        this.data = data;
        this.options = options;
        this.pluginTables = List.copyOf(pluginTables);
    }

    /**
     * @param summary the run's summary (records read, tagged, skipped), or null when the records
     *                were added directly
     * @param out where the page goes
     * @throws IOException when writing fails
     */
    public void write(RunSummary summary, Writer out) throws IOException {
        out.write(render(summary));
    }

    /**
     * @param summary the run's summary, or null
     * @return the page
     */
    public String render(RunSummary summary) {
        ReportRows rows = new ReportRows(data, options.corrector());
        MixSections mix = new MixSections(rows, options.top());
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(Svg.escape(options.title())).append("</title>\n<style>\n").append(ReportCss.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(out, rows, summary);
        mix.modelMix(out);
        Page.close(out);
        mix.categoryTrend(out);
        Page.close(out);
        mix.opennessTrend(out);
        Page.close(out);
        mix.sizeMix(out);
        Page.close(out);
        new RetentionSection(rows, mix.topModels(Math.min(6, options.top()))).write(out);
        Page.close(out);
        new LengthSection(rows).write(out);
        Page.close(out);
        for (PluginTable t : pluginTables) {
            PluginSection.write(out, t);
            Page.close(out);
        }
        out.append("<footer>Made by <code>census report</code> (Prompt Census). The page holds aggregates only: no prompt ")
                .append("or completion text, no user ids. It loads nothing from anywhere.</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(StringBuilder out, ReportRows rows, RunSummary summary) {
        out.append("<header>\n<h1>").append(Svg.escape(options.title())).append("</h1>\n<p class=\"lede\">What the logged requests were ")
                .append("used for, per model and over time: token-weighted shares of primary <code>")
                .append(Svg.escape(data.taxonomy())).append("</code> tags");
        if (options.generated() != null) {
            out.append(" \u00b7 generated ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(options.generated().atZone(ZoneOffset.UTC)));
        }
        out.append("</p>\n<div class=\"cards\">\n");
        long read = summary == null ? data.records() : summary.read();
        long tagged = summary == null ? data.records() : summary.tagged();
        long skipped = summary == null ? 0 : summary.skippedTotal();
        card(out, "Records read", Fmt.grouped(read), Fmt.grouped(tagged) + " tagged, " + Fmt.grouped(skipped) + " skipped");
        card(out, "Tokens", Fmt.compact(data.tokens()), "prompt + completion");
        card(out, "Period covered", period(), weeksNote(rows));
        long unknownModels = data.unknownModels().size() + (data.unknownOverflowRequests() > 0 ? 1 : 0);
        card(out, "Models", Fmt.grouped(rows.modelTotals.size()), unknownModels == 0 ? "all in the catalog"
                : Fmt.grouped(unknownModels) + " not in the catalog");
        card(out, "Privacy floor", data.privacyK() == 0 ? "off" : "k = " + data.privacyK(),
                data.privacyK() == 0 ? "no cell suppressed" : Fmt.grouped(rows.suppressedCells()) + " cells suppressed");
        card(out, "Correction", options.corrector() == null ? "none" : "on",
                options.corrector() == null ? "shares as classified" : "95% bootstrap intervals");
        out.append("</div>\n<div class=\"boxes\">\n");
        notes(out, rows, summary);
        howToRead(out);
        out.append("</div>\n<nav class=\"toc\"><a href=\"#models\">Models</a><a href=\"#trend\">Over time</a>")
                .append("<a href=\"#openness\">Open vs closed, origin</a><a href=\"#size\">Size</a>")
                .append("<a href=\"#retention\">Retention</a><a href=\"#lengths\">Lengths</a></nav>\n</header>\n");
    }

    private static void card(StringBuilder out, String key, String value, String sub) {
        out.append("<div class=\"card\"><div class=\"k\">").append(Svg.escape(key)).append("</div><div class=\"v\" title=\"")
                .append(Svg.escape(value)).append("\">").append(Svg.escape(value)).append("</div><div class=\"s\">")
                .append(Svg.escape(sub)).append("</div></div>\n");
    }

    private String period() {
        if (data.first() == null) {
            return "undated";
        }
        LocalDate a = data.first().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate b = data.last().atZone(ZoneOffset.UTC).toLocalDate();
        if (a.getYear() == b.getYear()) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
            return a.equals(b) ? f.format(a) : f.format(a) + "\u2013" + f.format(b);
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);
        return f.format(a) + "\u2013" + f.format(b);
    }

    private String weeksNote(ReportRows rows) {
        if (data.first() == null) {
            return "no timestamps";
        }
        long days = ChronoUnit.DAYS.between(data.first().atZone(ZoneOffset.UTC).toLocalDate(),
                data.last().atZone(ZoneOffset.UTC).toLocalDate()) + 1;
        LocalDate a = data.first().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate b = data.last().atZone(ZoneOffset.UTC).toLocalDate();
        return (a.getYear() == b.getYear() ? a.getYear() + ": " : "") + Fmt.grouped(days) + " days, " + rows.weeks.size()
                + " weeks (UTC)";
    }

    private void notes(StringBuilder out, ReportRows rows, RunSummary summary) {
        List<String> notes = new ArrayList<>();
        if (summary != null && !summary.skipped().isEmpty()) {
            StringBuilder sb = new StringBuilder(Fmt.grouped(summary.skippedTotal()) + " records skipped (bad input): ");
            summary.skipped().forEach((k, v) -> sb.append(k.toLowerCase(Locale.ROOT)).append(' ').append(Fmt.grouped(v)).append(", "));
            notes.add(sb.substring(0, sb.length() - 2) + ".");
        }
        long noUsage = data.modelMix().recordsWithoutTokens();
        if (noUsage > 0) {
            notes.add(Fmt.grouped(noUsage) + " records have no token counts (no usage) and weigh nothing in these token-weighted shares.");
        }
        long noUser = data.modelMix().recordsWithoutUser();
        if (noUser > 0) {
            notes.add(Fmt.grouped(noUser) + " records have no user id: they are left out of retention"
                    + (data.privacyK() > 0 ? " and do not count towards the privacy floor." : "."));
        }
        if (data.undated() > 0) {
            notes.add(Fmt.grouped(data.undated()) + " records have no timestamp and are left out of the weekly charts.");
        }
        long suppressed = rows.suppressedCells();
        if (suppressed > 0) {
            notes.add(Fmt.grouped(suppressed) + " cells have fewer than " + data.privacyK()
                    + " distinct users and are suppressed: gaps in the bars, \u201csuppressed\u201d in the tables.");
        }
        if (options.confusionSource() != null) {
            notes.add("Shares corrected with the confusion matrix of " + options.confusionSource() + ".");
        }
        out.append("<div class=\"box notes\"><h2>Notes</h2>\n");
        if (notes.isEmpty() && data.unknownModels().isEmpty()) {
            out.append("<p>Every record had token counts, a user id, a timestamp and a catalogued model.</p>\n");
        } else {
            out.append("<ul>\n");
            notes.forEach(n -> out.append("<li>").append(Svg.escape(n)).append("</li>\n"));
            if (!data.unknownModels().isEmpty()) {
                unknownModels(out);
            }
            out.append("</ul>\n");
        }
        out.append("</div>\n");
    }

    private void unknownModels(StringBuilder out) {
        List<ReportData.UnknownModel> unknown = data.unknownModels();
        long tokens = unknown.stream().mapToLong(ReportData.UnknownModel::tokens).sum() + data.unknownOverflowTokens();
        out.append("<li>").append(Svg.escape(Fmt.grouped(unknown.size()) + (unknown.size() == 1 ? " model id is" : " model ids are")
                + " not in the model catalog ("
                + Fmt.pct(data.tokens() == 0 ? 0 : (double) tokens / data.tokens())
                + " of tokens); they count as \u201cunknown\u201d for openness, origin and size. Add them with --catalog:"));
        out.append("\n<table class=\"unknown\"><thead><tr><th>model id</th><th class=\"n\">tokens</th><th class=\"n\">requests</th></tr></thead><tbody>\n");
        int shown = 0;
        for (ReportData.UnknownModel m : unknown) {
            if (shown++ == 20) {
                break;
            }
            boolean hide = data.privacyK() > 0 && m.users() < data.privacyK();
            out.append("<tr><td>").append(Svg.escape(m.id())).append("</td><td class=\"n\">")
                    .append(hide ? HtmlTable.suppressed(data.privacyK()) : Svg.escape(Fmt.grouped(m.tokens()))).append("</td><td class=\"n\">")
                    .append(hide ? "" : Svg.escape(Fmt.grouped(m.requests()))).append("</td></tr>\n");
        }
        long more = unknown.size() - Math.min(unknown.size(), 20);
        if (more > 0 || data.unknownOverflowRequests() > 0) {
            out.append("<tr><td>").append(Svg.escape("\u2026 and " + (more > 0 ? Fmt.grouped(more) + " more ids" : "more ids")))
                    .append("</td><td></td><td></td></tr>\n");
        }
        out.append("</tbody></table></li>\n");
    }

    private void howToRead(StringBuilder out) {
        out.append("<div class=\"box howto\"><h2>How to read this</h2>\n<p>Shares are of <b>tokens</b> (prompt + completion; ")
                .append("reasoning tokens count as completion), so one long coding session weighs more than many short chats. ")
                .append("Each request counts wholly for its <b>primary tag</b>, the use case the classifier scored highest.</p>\n<p>");
        if (data.privacyK() > 0) {
            out.append("<b>Privacy floor</b>: a figure made of fewer than ").append(data.privacyK()).append(" distinct users is ")
                    .append("suppressed, so a bar can stop short of 100%; the gap is traffic not shown. ");
        } else {
            out.append("<b>No privacy floor</b> was applied (k = 0): every cell is shown, however few users it has. ");
        }
        if (options.corrector() != null) {
            out.append("<b>Correction</b>: charts show the shares as classified; the tables add, under each, the share ")
                    .append("corrected for the classifier's measured errors, with its 95% interval.");
        } else {
            out.append("<b>Not corrected</b>: shares are as classified, so the classifier's errors are in them; rare categories ")
                    .append("tend to be overstated (pass <code>--confusion</code> with the output of <code>census eval --json</code> ")
                    .append("for corrected shares and 95% intervals).");
        }
        out.append("</p>\n<p>Hover over a bar, band or point for its exact figures; the table under each chart has them all.</p>\n</div>\n");
    }
}
