package org.promptcensus.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {
    @Test
    void escapesTextAndAttributes() {
        Svg e = Svg.el("g").attr("data-key", "a\"b<c>&'d").add(Svg.text(1, 2, "<script>alert(1)</script> & more")).title("x < y");
        assertThat(e.toString()).isEqualTo("<g data-key=\"a&quot;b&lt;c&gt;&amp;&#39;d\"><text x=\"1\" y=\"2\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</text><title>x &lt; y</title></g>");
    }

    @Test
    void emptyShapesSelfCloseAndOtherElementsGetEndTags() {
        assertThat(Svg.rect(0, 0, 10.456, -3).toString()).isEqualTo("<rect x=\"0\" y=\"0\" width=\"10.46\" height=\"0\"/>");
        assertThat(Svg.el("text").toString()).isEqualTo("<text></text>");
        assertThat(Svg.chart("c", 100, 50, "A & B").toString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                + "data-chart=\"c\" viewBox=\"0 0 100 50\"").contains("<title>A &amp; B</title>").endsWith("</svg>");
    }

    @Test
    void rejectsElementNamesThatAreNotNames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Svg.el("g onload=x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersHaveAtMostTwoDecimalsInTheRootLocale() {
        assertThat(Svg.num(1.0)).isEqualTo("1");
        assertThat(Svg.num(1.5)).isEqualTo("1.5");
        assertThat(Svg.num(1.239)).isEqualTo("1.24");
        assertThat(Svg.num(Double.NaN)).isEqualTo("0");
    }

    @Test
    void paletteGivesEachUsecaseCategoryItsOwnStableColour() {
        assertThat(new HashSet<>(Palette.USECASE.stream().map(Palette::of).toList())).hasSize(16);
        assertThat(Palette.of("programming")).isEqualTo(Palette.COLOURS.get(0));
        assertThat(Palette.of("roleplay/companion")).isEqualTo(Palette.of("roleplay"));
        assertThat(Palette.of("some-custom-category")).isEqualTo(Palette.of("some-custom-category")).matches("#[0-9a-f]{6}");
        assertThat(Palette.sequential(0, 3)).isNotEqualTo(Palette.sequential(2, 3));
        assertThat(Palette.textOn("#ffffff")).isNotEqualTo(Palette.textOn("#000000"));
    }

    @Test
    void chartsDrawTheirMarks() {
        Svg area = new StackedAreaChart("a", "A").render(List.of("2025-06-02", "2025-06-09"),
                List.of(new StackedAreaChart.Series("programming", new double[] {0.5, 0.6}),
                        new StackedAreaChart.Series("roleplay", new double[] {0.5, 0.4})));
        assertThat(ReportFixtures.count(area.toString(), "<path class=\"area\"")).isEqualTo(2);
        assertThat(ReportFixtures.count(area.toString(), "class=\"col\"")).isEqualTo(2);
        assertThat(area.toString()).contains("programming: 60.0%");
        Svg single = new StackedAreaChart("a", "A").render(List.of("2025-06-02"),
                List.of(new StackedAreaChart.Series("programming", new double[] {1.0})));
        assertThat(ReportFixtures.count(single.toString(), "<path class=\"area\"")).isEqualTo(1);
        Svg lines = new LineChart("l", "L", 500, 250).render(List.of(new LineChart.Series("cohort 2025-06", "#000000",
                List.of(1.0, 0.5, 0.25), "10 users")));
        assertThat(ReportFixtures.count(lines.toString(), "<polyline")).isEqualTo(1);
        assertThat(ReportFixtures.count(lines.toString(), "<circle")).isEqualTo(3);
        assertThat(lines.toString()).contains("cohort 2025-06, 2: 25.0% (10 users)");
    }
}
