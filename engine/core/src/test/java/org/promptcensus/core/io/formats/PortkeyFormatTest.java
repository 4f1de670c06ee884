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

/** No licensed Portkey sample exists: fixtures follow the documented export fields. */
class PortkeyFormatTest {
    private final PortkeyFormat format = new PortkeyFormat();

    @Test
    void logExport() {
        List<Request> rs = requests(read(format, fixture("portkey-logs.jsonl")));
        assertThat(rs).hasSize(2);
        Request a = rs.get(0);
        assertThat(a.id()).isEqualTo("pk-1");
        assertThat(a.model()).isEqualTo("gpt-4o");
        assertThat(roles(a)).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(text(a, Role.USER)).startsWith("Plan a 20 minute workout");
        assertThat(a.usage()).isEqualTo(new Usage(80L, 20L, null, null));
        assertThat(a.created()).isEqualTo(Instant.parse("2025-05-05T12:00:00Z"));
        assertThat(a.user()).isEqualTo("portkey-user-1");
        assertThat(a.finishReason()).isEqualTo("stop");
        assertThat(a.costUsd()).as("cents to dollars").isEqualTo(0.0025, within(1e-12));
        Request b = rs.get(1);
        assertThat(b.messages()).isEmpty();
        assertThat(b.user()).isEqualTo("portkey-user-2");
        assertThat(b.finishReason()).isEqualTo("error");
        assertThat(b.costUsd()).as("not in dollars").isNull();
    }
}
