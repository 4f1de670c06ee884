/**
 * The HTML report of {@code census report}: {@link org.promptcensus.core.report.ReportData} collects the
 * roll-ups in one pass, {@link org.promptcensus.core.report.HtmlReport} renders one self-contained page
 * whose charts ({@link org.promptcensus.core.report.StackedBarChart},
 * {@link org.promptcensus.core.report.StackedAreaChart}, {@link org.promptcensus.core.report.LineChart})
 * are inline SVG built with {@link org.promptcensus.core.report.Svg}, coloured by
 * {@link org.promptcensus.core.report.Palette}. No chart library, no script, nothing loaded from elsewhere.
 */
package org.promptcensus.core.report;
