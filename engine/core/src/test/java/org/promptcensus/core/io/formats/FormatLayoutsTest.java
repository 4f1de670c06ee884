package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promptcensus.core.io.formats.FormatSamples.readText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/** The layouts every JSON format reads: JSON Lines, a JSON array, pretty-printed objects. */
class FormatLayoutsTest {
    private final PortkeyFormat format = new PortkeyFormat();

    private static String rec(String id) {
        return "{\"id\": \"" + id + "\", \"ai_model\": \"gpt-4o\", \"req_units\": 1, \"res_units\": 2}";
    }

    @Test
    void jsonLinesWithABrokenLineBlankLinesAndCrLf() {
        List<ReadResult> r = readText(format, "a.jsonl", rec("a") + "\r\n\n{broken\n" + rec("b") + "\n[1]\n");
        assertThat(r).extracting(ReadResult::position).containsExactly(1L, 3L, 4L, 5L);
        assertThat(r.get(0).request().id()).isEqualTo("a");
        assertThat(r.get(1).error()).startsWith("malformed JSON");
        assertThat(r.get(2).request().id()).isEqualTo("b");
        assertThat(r.get(3).error()).isEqualTo("expected a JSON object, got number");
    }

    @Test
    void aBrokenFirstLine() {
        List<ReadResult> r = readText(format, "a.jsonl", "{oops\n" + rec("a") + "\n" + rec("b") + "\n");
        assertThat(r).extracting(ReadResult::position).containsExactly(1L, 2L, 3L);
        assertThat(r.get(0).error()).startsWith("malformed JSON");
    }

    @Test
    void aPrettyPrintedArrayAndConcatenatedObjects() {
        String array = "[\n  " + rec("a").replace(", ", ",\n    ") + ",\n  " + rec("b") + "\n]\n";
        List<ReadResult> r = readText(format, "a.json", array);
        assertThat(r).extracting(ReadResult::position).containsExactly(2L, 6L);
        assertThat(r).extracting(x -> x.request().id()).containsExactly("a", "b");
        String objects = rec("a").replace(", ", ",\n") + "\n" + rec("b").replace(", ", ",\n") + "\n";
        assertThat(readText(format, "o.json", objects)).extracting(x -> x.request().id()).containsExactly("a", "b");
    }

    @Test
    void aBrokenDocumentIsReportedWithItsLine() {
        List<ReadResult> r = readText(format, "a.json", "[\n" + rec("a") + ",\n{\"id\": \n]\n");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).request().id()).isEqualTo("a");
        assertThat(r.get(1).position()).isEqualTo(4);
        assertThat(r.get(1).error()).startsWith("malformed JSON").endsWith("the rest of this input is not read");
    }

    @Test
    void invalidUtf8OnOneLine() throws IOException {
        byte[] bad = (rec("a") + "\n{\"id\": \"").getBytes();
        byte[] tail = ("\"}\n" + rec("c") + "\n").getBytes();
        byte[] all = new byte[bad.length + 2 + tail.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        all[bad.length] = (byte) 0xff;
        all[bad.length + 1] = (byte) 0xfe;
        System.arraycopy(tail, 0, all, bad.length + 2, tail.length);
        try (RecordStream s = format.read(List.of(new InputSource("u.jsonl", new ByteArrayInputStream(all))))) {
            List<ReadResult> r = new java.util.ArrayList<>();
            s.forEachRemaining(r::add);
            assertThat(r).extracting(ReadResult::position).containsExactly(1L, 2L, 3L);
            assertThat(r.get(1).error()).isEqualTo("invalid UTF-8");
        }
    }

    @Test
    void emptyInput() {
        assertThat(readText(format, "e.jsonl", "")).isEmpty();
        assertThat(readText(format, "e.jsonl", "\n\n  \n")).isEmpty();
    }
}
