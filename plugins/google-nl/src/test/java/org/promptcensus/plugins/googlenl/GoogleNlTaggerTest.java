package org.promptcensus.plugins.googlenl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.spi.Contribution;

class GoogleNlTaggerTest {
    private final GoogleNlTagger tagger = new GoogleNlTagger();

    @Test
    void givesStrongEvidenceForConfidentLabelsOnly() {
        Request r = Request.builder("1").message(Role.SYSTEM,
                "[google-nl] /Games/Roleplaying Games 0.81; /Adult 0.50; /Books & Literature/Poetry 0.49").build();
        assertThat(tagger.tag(r, "en")).containsExactly(
                new Contribution("usecase", "roleplay", 6.0, "google-nl:/Games/Roleplaying Games"),
                new Contribution("usecase", "adult", 6.0, "google-nl:/Adult"));
    }

    @Test
    void contributesOncePerMappedCategory() {
        Request r = Request.builder("1").message(Role.SYSTEM,
                "[google-nl] /Computers & Electronics/Programming 0.9; /Computers & Electronics/Programming/Python 0.8").build();
        assertThat(tagger.tag(r, "en")).extracting(Contribution::category).containsExactly("programming");
    }

    @Test
    void ignoresRecordsWithoutTheBridge() {
        assertThat(tagger.tag(Request.ofText("1", "write me a poem about the sea"), "en")).isEmpty();
        assertThat(tagger.tag(Request.builder("2").build(), "und")).isEqualTo(List.of());
    }
}
