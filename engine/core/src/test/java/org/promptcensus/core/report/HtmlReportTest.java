package org.promptcensus.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.report.ReportFixtures.CLOSED;
import static org.promptcensus.core.report.ReportFixtures.OPEN;
import static org.promptcensus.core.report.ReportFixtures.count;
import static org.promptcensus.core.report.ReportFixtures.record;
import static org.promptcensus.core.report.ReportFixtures.svg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.ModelInfo;
import org.promptcensus.core.mix.ShareCorrector;

class HtmlReportTest {
    /** Two models, three categories, tokens chosen so that the shares are exact. */
    private static ReportData twoModelsThreeCategories(int k) {
        ReportData d = new ReportData("usecase", k);
        // open-m: programming 600, roleplay 300, translation 100 tokens
        d.add(record(OPEN, "u1", "2025-06-02T10:00:00Z", 500, 100, "programming"));
        d.add(record(OPEN, "u2", "2025-06-09T10:00:00Z", 200, 100, "roleplay"));
        d.add(record(OPEN, "u3", "2025-07-01T10:00:00Z", 50, 50, "translation"));
        // closed-m: programming 100, roleplay 100, translation 200 tokens
        d.add(record(CLOSED, "u1", "2025-06-03T10:00:00Z", 50, 50, "programming"));
        d.add(record(CLOSED, "u4", "2025-06-10T10:00:00Z", 50, 50, "roleplay"));
        d.add(record(CLOSED, "u5", "2025-07-02T10:00:00Z", 150, 50, "translation"));
        return d;
    }

    private static String render(ReportData d) {
        return new HtmlReport(d, HtmlReport.Options.defaults()).render(null);
    }

    @Test
    void modelMixHasOneRectPerCellWithWidthsProportionalToShares() {
        String svg = svg(render(twoModelsThreeCategories(0)), "model-mix");
        Matcher m = Pattern.compile("<rect x=\"[^\"]*\" y=\"([^\"]*)\" width=\"([^\"]*)\" height=\"[^\"]*\" class=\"seg\"[^>]*data-key=\"([^\"]*)\"")
                .matcher(svg);
        Map<String, Double> widths = new HashMap<>();
        Map<String, Integer> row = new HashMap<>();
        int rects = 0;
        double firstY = Double.NaN;
        while (m.find()) {
            rects++;
            double y = Double.parseDouble(m.group(1));
            firstY = Double.isNaN(firstY) ? y : firstY;
            String model = y == firstY ? "open-m" : "closed-m";
            widths.put(model + "/" + m.group(3), Double.parseDouble(m.group(2)));
            row.merge(model, 1, Integer::sum);
        }
        assertThat(rects).isEqualTo(6);
        assertThat(count(svg, "class=\"seg\"")).isEqualTo(6);
        assertThat(row).containsEntry("open-m", 3).containsEntry("closed-m", 3);
        double w = StackedBarChart.PLOT_WIDTH;
        assertThat(widths.get("open-m/programming") / w).isCloseTo(0.6, within(0.001));
        assertThat(widths.get("open-m/roleplay") / w).isCloseTo(0.3, within(0.001));
        assertThat(widths.get("open-m/translation") / w).isCloseTo(0.1, within(0.001));
        assertThat(widths.get("closed-m/programming") / w).isCloseTo(0.25, within(0.001));
        assertThat(widths.get("closed-m/roleplay") / w).isCloseTo(0.25, within(0.001));
        assertThat(widths.get("closed-m/translation") / w).isCloseTo(0.5, within(0.001));
        assertThat(svg).contains("fill=\"" + Palette.of("programming") + "\"");
    }

    @Test
    void everyChartIsAnSvgWithMarks() {
        String page = render(twoModelsThreeCategories(0));
        for (String chart : List.of("model-mix", "category-trend", "openness-trend", "origin-trend", "size-mix", "openness-mix",
                "retention", "lengths")) {
            assertThat(count(svg(page, chart), "<(rect|path|polyline)\\b")).as(chart).isPositive();
        }
        assertThat(count(svg(page, "category-trend"), "class=\"area\"")).isEqualTo(3);
        assertThat(svg(page, "retention")).contains("<polyline");
    }

    @Test
    void modelIdsFromLogsAreEscaped() {
        ReportData d = twoModelsThreeCategories(0);
        ModelInfo hostile = ModelInfo.unknown("<script>alert('x')</script>\"><img src=x onerror=alert(1)>");
        d.add(record(hostile, "u9", "2025-06-04T10:00:00Z", 500, 500, "programming"));
        String page = new HtmlReport(d, new HtmlReport.Options("<b>title</b>", 12, null, null, null)).render(null);
        assertThat(page).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>title</b>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(page).contains("&lt;b&gt;title&lt;/b&gt;");
        assertThat(page).contains("1 model id is not in the model catalog");
    }

    @Test
    void pageLoadsNothingFromAnywhere() {
        String page = render(twoModelsThreeCategories(0));
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link")
                .doesNotContain("<script src").doesNotContain("<script").doesNotContain("@import").doesNotContain("url(")
                .doesNotContain("<iframe").doesNotContain("<img");
        // the only absolute URL is the SVG namespace, which is a name, not a request
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://").doesNotContain("https://");
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void cellsBelowThePrivacyFloorAreSuppressedInTablesAndLeftOutOfCharts() {
        ReportData d = twoModelsThreeCategories(2);
        for (String u : List.of("a", "b", "c")) {
            d.add(record(OPEN, u, "2025-06-05T10:00:00Z", 100, 100, "programming"));
        }
        String page = render(d);
        assertThat(page).contains("suppressed (&lt; 2 users)");
        // open-m/programming has 4 users and is drawn; its other cells (1 user each) are not
        String svg = svg(page, "model-mix");
        assertThat(count(svg, "class=\"seg\"")).isEqualTo(1);
        assertThat(page).contains("cells have fewer than 2 distinct users");
    }

    @Test
    void withAConfusionMatrixTablesShowCorrectedSharesAndIntervals() {
        List<String> labels = List.of("programming", "roleplay", "translation");
        double[][] counts = {{90, 5, 5}, {10, 80, 10}, {5, 5, 90}};
        ShareCorrector c = new ShareCorrector(labels, counts, 50, 1L);
        String page = new HtmlReport(twoModelsThreeCategories(0), new HtmlReport.Options("t", 12, c, "eval.json", null)).render(null);
        assertThat(page).contains("class=\"corr\"").containsPattern("\\d+\\.\\d%  ?\\[\\d+\\.\\d%\u2013\\d+\\.\\d%\\]".replace("  ?", " "));
        assertThat(page).contains("confusion matrix of eval.json").contains("95% interval");
    }

    @Test
    void notesCountRecordsWithoutUsageUserOrTime() {
        ReportData d = twoModelsThreeCategories(0);
        d.add(record(OPEN, null, null, 0, 0, "roleplay"));
        String page = render(d);
        assertThat(page).contains("1 records have no token counts").contains("1 records have no user id")
                .contains("1 records have no timestamp");
    }

    @Test
    void anEmptyLogGivesAPageThatSaysSo() {
        String page = render(new ReportData("usecase", 10));
        assertThat(page).contains("No records to show").contains("No dated records").contains("No cohorts to show")
                .doesNotContain("data-chart=\"model-mix\"").endsWith("</html>\n");
    }
}
