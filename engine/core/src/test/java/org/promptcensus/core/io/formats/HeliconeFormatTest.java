package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.promptcensus.core.io.formats.FormatSamples.fixture;
import static org.promptcensus.core.io.formats.FormatSamples.read;
import static org.promptcensus.core.io.formats.FormatSamples.requests;
import static org.promptcensus.core.io.formats.FormatSamples.roles;
import static org.promptcensus.core.io.formats.FormatSamples.text;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.Usage;

/** No licensed Helicone sample exists: fixtures follow the export's documented fields. */
class HeliconeFormatTest {
    private final HeliconeFormat format = new HeliconeFormat();

    @Test
    void jsonLinesWithAndWithoutBodies() {
        List<Request> rs = requests(read(format, fixture("helicone-export.jsonl")));
        assertThat(rs).hasSize(2);
        Request a = rs.get(0);
        assertThat(a.id()).isEqualTo("9b1c2a10-0000-4000-8000-000000000001");
        assertThat(a.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(roles(a)).containsExactly(Role.USER);
        assertThat(text(a, Role.USER)).startsWith("Draft a polite reminder email");
        assertThat(a.usage()).isEqualTo(new Usage(300L, 25L, 0L, 128L));
        assertThat(a.created()).isEqualTo(Instant.parse("2025-04-01T08:30:00Z"));
        assertThat(a.user()).isEqualTo("cust-11");
        assertThat(a.finishReason()).isEqualTo("stop");
        assertThat(a.toolCount()).isEqualTo(1);
        assertThat(a.costUsd()).isEqualTo(0.0011, within(1e-12));
        Request b = rs.get(1);
        assertThat(b.messages()).isEmpty();
        assertThat(b.finishReason()).isEqualTo("error");
        assertThat(b.user()).isNull();
    }

    @Test
    void csvExport() {
        List<Request> rs = requests(read(format, fixture("helicone-export.csv")));
        assertThat(rs).hasSize(2);
        Request a = rs.get(0);
        assertThat(a.id()).isEqualTo("resp-1");
        assertThat(a.model()).isEqualTo("gpt-4o-mini");
        assertThat(text(a, Role.USER)).startsWith("Translate 'thank you' into Japanese");
        assertThat(a.usage()).isEqualTo(new Usage(14L, 6L, null, null));
        assertThat(a.created()).isEqualTo(Instant.parse("2025-04-02T09:00:00Z"));
        assertThat(a.user()).isEqualTo("cust-12");
        assertThat(a.costUsd()).isEqualTo(0.00002, within(1e-12));
        assertThat(rs.get(1).messages()).isEmpty();
        assertThat(format.sniff(FormatSamples.head(fixture("helicone-export.csv")))).isGreaterThan(0.5);
    }
}
