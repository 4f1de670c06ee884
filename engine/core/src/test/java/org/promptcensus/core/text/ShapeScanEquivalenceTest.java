package org.promptcensus.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Shapes} counts numbers and code lines, and looks for math, with hand-written scans instead of running its
 * patterns over the whole text; on every message of the seed corpora and on edge cases the counts
 * must equal what the patterns find.
 */
class ShapeScanEquivalenceTest {
    private static final List<String> EDGES = List.of("", "1", "1.", "1.5", "1,000,000", "a1b22c333", "v1.2.3", "3..4", "x,1",
            "def f():\n    return 1;\n}", "\n\n\ndef x", "  \n  import os\r\nfoo;\r\n", "<div>\n</div>\nplain", "a => b\n// c\n#!/bin/sh",
            "If you can, help me.\nFor the record: no code here.\nreturn home", "SELECT * FROM t\nINSERT x\nUPDATE y",
            "print(x)  :\n", "lines\u2028with;\u2029separators{", "trailing;   \n\n\n",
            "2+2", "x2+3", "a 2 * 3", "12 ×\n4", "x = 5", "max=5", "y- 3", "_x=1", "e^2", "e ^ x", "A^2", "\\frac{1}{2}", "\\fra",
            "$x$", "$$", "$ a\nb$", "costs $5 and $6", "π", "≤", "x\u0301=1", "é2+3", "2026-11-29", "v1/2", "1.5 - 2.5");

    private static int count(Pattern p, String s, int enough) {
        var m = p.matcher(s);
        int n = 0;
        while (n < enough && m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void scansCountWhatThePatternsFind() throws IOException {
        List<String> texts = new ArrayList<>(EDGES);
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(Path.of("../../corpora/seed"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    node.path("messages").forEach(m -> texts.add(m.path("content").asText()));
                    if (node.has("text")) {
                        texts.add(node.get("text").asText());
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(5000);
        for (String t : texts) {
            for (int enough : new int[] {3, 1000}) {
                assertThat(Shapes.numbers(t, enough)).as(t).isEqualTo(count(Shapes.NUMBER, t, enough));
                assertThat(Shapes.codeLines(t, enough)).as(t).isEqualTo(count(Shapes.CODE_LINE, t, enough));
            }
            assertThat(Shapes.hasMath(t)).as(t).isEqualTo(Shapes.MATH.matcher(t).find());
        }
    }
}
