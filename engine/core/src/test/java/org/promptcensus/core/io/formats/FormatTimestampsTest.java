package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.CensusException;

/** Every timestamp form the formats meet is read as UTC. */
class FormatTimestampsTest {
    private static final Instant T = Instant.parse("2025-01-24T09:20:46Z");

    private static Instant text(String s) {
        return Json.time(JsonNodeFactory.instance.textNode(s), "startTime");
    }

    private static Instant number(String n) {
        return Json.time(JsonNodeFactory.instance.numberNode(new BigDecimal(n)), "startTime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-24T09:20:46Z", "2025-01-24T09:20:46", "2025-01-24 09:20:46", "2025-01-24T11:20:46+02:00",
        "2025-01-24T11:20:46+0200", "2025-01-24T04:20:46-05", "2025-01-24 09:20:46 UTC", "2025-01-24 09:20:46+00:00",
        "2025-01-24T09:20:46.000Z", "Fri, 24 Jan 2025 09:20:46 GMT", "1737710446", "1737710446000", "1737710446000000",
        "1737710446000000000"})
    void stringForms(String s) {
        assertThat(text(s)).as(s).isEqualTo(T);
    }

    @Test
    void fractionsAndNumbers() {
        assertThat(text("2025-01-24 09:20:46.847371")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371Z"));
        assertThat(text("2025-09-30T09:04:01.001Z")).isEqualTo(Instant.parse("2025-09-30T09:04:01.001Z"));
        assertThat(text("2025-01-24")).isEqualTo(Instant.parse("2025-01-24T00:00:00Z"));
        assertThat(number("1737710446")).isEqualTo(T);
        assertThat(number("1737710446.847371")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371Z"));
        assertThat(number("1737710446847")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847Z"));
        assertThat(number("1737710446847371")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371Z"));
        assertThat(number("1737710446847371123")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371123Z"));
        assertThat(text("1737710446847371123")).isEqualTo(Instant.parse("2025-01-24T09:20:46.847371123Z"));
        JsonNode missing = JsonNodeFactory.instance.textNode("  ");
        assertThat(Json.time(missing, "x")).isNull();
    }

    @Test
    void aNonTimeNamesItsPath() {
        assertThatThrownBy(() -> Json.time(JsonNodeFactory.instance.textNode("yesterday"), "observations[0].startTime"))
                .isInstanceOf(CensusException.class)
                .hasMessageStartingWith("observations[0].startTime: is not a time");
        assertThatThrownBy(() -> Json.time(JsonNodeFactory.instance.booleanNode(true), "created"))
                .hasMessage("created: must be a string or a number");
    }
}
