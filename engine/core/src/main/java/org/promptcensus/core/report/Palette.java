package org.promptcensus.core.report;

import java.util.List;
import java.util.Map;

/**
 * Colours of the report. Sixteen categorical colours, one per {@code usecase} category in the
 * taxonomy's order, so a category has the same colour in every chart and every report; other
 * facet values (open/closed, origins, size buckets) have fixed colours too; anything else gets a
 * colour from its id's hash (stable, though two ids may share one). Cohorts of retention curves get
 * a sequential ramp. Thread-safe (stateless).
 */
public final class Palette {
    /** The sixteen categorical colours. */
    public static final List<String> COLOURS = List.of(
            "#4e79a7", "#f28e2b", "#e15759", "#b07aa1", "#59a14f", "#76b7b2", "#edc948", "#9c755f",
            "#a0cbe8", "#ff9da7", "#8cd17d", "#499894", "#d37295", "#ffbe7d", "#bcbd22", "#bab0ac");

    /** The {@code usecase} ids, in the order of {@link #COLOURS}. */
    static final List<String> USECASE = List.of("programming", "roleplay", "adult", "creative_writing", "productivity",
            "translation", "general_qa", "science_math", "technology", "health", "legal", "finance", "business", "marketing",
            "education", "other");

    private static final String GREY = "#bab0ac";

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("open", "#59a14f"), Map.entry("closed", "#4e79a7"),
            Map.entry("US", "#4e79a7"), Map.entry("China", "#e15759"), Map.entry("Europe", "#edc948"),
            Map.entry("<15B", "#a0cbe8"), Map.entry("15-70B", "#4e79a7"), Map.entry(">70B", "#1d3f66"),
            Map.entry("reasoning", "#b07aa1"), Map.entry("non-reasoning", "#a0cbe8"),
            Map.entry("prompt tokens", "#3d5a80"), Map.entry("completion tokens", "#98c1d9"),
            Map.entry("unknown", GREY), Map.entry("(untagged)", "#d9d4d1"), Map.entry("(none)", GREY));

    private static final int[][] RAMP = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private Palette() {
    }

    /**
     * @param value a category id or facet value
     * @return its colour, {@code #rrggbb}
     */
    public static String of(String value) {
        int i = USECASE.indexOf(value);
        if (i >= 0) {
            return COLOURS.get(i);
        }
        String fixed = FIXED.get(value);
        if (fixed != null) {
            return fixed;
        }
        if (value != null && value.contains("/")) {
            return of(value.substring(0, value.indexOf('/')));
        }
        if ("other".equalsIgnoreCase(value)) {
            return GREY;
        }
        return COLOURS.get(Math.floorMod(value == null ? 0 : value.hashCode(), COLOURS.size() - 1));
    }

    /**
     * A colour from a sequential ramp (dark violet through teal to green, as viridis without its palest end), for ordered series such
     * as cohorts.
     *
     * @param index the series' place
     * @param count the number of series
     * @return its colour
     */
    public static String sequential(int index, int count) {
        double t = count <= 1 ? 0 : Math.min(1, Math.max(0, (double) index / (count - 1))) * 0.78;
        double pos = t * (RAMP.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(RAMP.length - 1, lo + 1);
        double f = pos - lo;
        StringBuilder sb = new StringBuilder("#");
        for (int c = 0; c < 3; c++) {
            sb.append(String.format("%02x", (int) Math.round(RAMP[lo][c] + f * (RAMP[hi][c] - RAMP[lo][c]))));
        }
        return sb.toString();
    }

    /**
     * @param background a colour {@code #rrggbb}
     * @return a text colour readable on it (near-black or white)
     */
    public static String textOn(String background) {
        int r = Integer.parseInt(background.substring(1, 3), 16);
        int g = Integer.parseInt(background.substring(3, 5), 16);
        int b = Integer.parseInt(background.substring(5, 7), 16);
        double luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
        return luminance > 0.6 ? "#1f2328" : "#ffffff";
    }
}
