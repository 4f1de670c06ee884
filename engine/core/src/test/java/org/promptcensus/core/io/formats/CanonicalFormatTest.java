package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promptcensus.core.io.formats.FormatSamples.readText;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Role;
import org.promptcensus.api.spi.ReadResult;

class CanonicalFormatTest {
    private final CanonicalFormat format = new CanonicalFormat();

    @Test
    void readsTheCanonicalShapesThroughTheInterface() {
        List<ReadResult> r = readText(format, "in.jsonl", "{\"id\": \"a\", \"text\": \"hello\", \"created\": 1737710446}\n"
                + "{\"id\": \"b\", \"request\": {\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"system\", \"content\": \"s\"},"
                + " {\"role\": \"user\", \"content\": \"u\"}]}, \"usage\": {\"prompt_tokens\": 3}, \"user\": \"x\"}\n{\"nothing\": 1}\n");
        assertThat(r).hasSize(3);
        assertThat(r.get(0).request().messages().get(0).content()).isEqualTo("hello");
        assertThat(r.get(0).request().created()).isEqualTo(Instant.ofEpochSecond(1737710446));
        assertThat(FormatSamples.roles(r.get(1).request())).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(r.get(1).request().usage().promptTokens()).isEqualTo(3);
        assertThat(r.get(1).request().user()).isEqualTo("x");
        assertThat(r.get(2).error()).startsWith("no text");
    }

    @Test
    void sniffsJsonLinesOfItsShapesOnly() {
        assertThat(format.sniff("{\"text\": \"hi\"}\n")).isGreaterThanOrEqualTo(0.5);
        assertThat(format.sniff("{\n  \"text\": \"pretty-printed is not JSON Lines\"\n}\n")).isZero();
        assertThat(format.sniff("{\"custom_id\": \"x\", \"body\": {}}\n")).isZero();
    }
}
