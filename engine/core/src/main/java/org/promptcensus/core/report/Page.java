package org.promptcensus.core.report;

/** Small pieces of page markup shared by the report's sections. Thread-safe (stateless). */
final class Page {
    private Page() {
    }

    /**
     * Opens a section; {@link #close} ends it.
     *
     * @param out the page
     * @param id the section's anchor
     * @param title its heading
     * @param intro a sentence under the heading
     */
    static void section(StringBuilder out, String id, String title, String intro) {
        out.append("<section id=\"").append(Svg.escape(id)).append("\">\n<h2>").append(Svg.escape(title))
                .append("</h2>\n<p class=\"intro\">").append(Svg.escape(intro)).append("</p>\n");
    }

    /** @param out the page, whose open section ends here */
    static void close(StringBuilder out) {
        out.append("</section>\n");
    }

    /**
     * @param out the page
     * @param message why there is no chart
     */
    static void empty(StringBuilder out, String message) {
        out.append("<p class=\"empty\">").append(Svg.escape(message)).append("</p>\n");
    }
}
