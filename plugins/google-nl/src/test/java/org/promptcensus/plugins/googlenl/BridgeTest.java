package org.promptcensus.plugins.googlenl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;

class BridgeTest {
    @Test
    void encodesAsDocumentedAndParsesBack() {
        List<NlCategory> cats = List.of(new NlCategory("/Adult", 0.9), new NlCategory("/Games/Roleplaying Games", 0.62));
        String text = Bridge.encode(cats);
        assertThat(text).isEqualTo("[google-nl] /Adult 0.90; /Games/Roleplaying Games 0.62");
        assertThat(Bridge.parse(text)).isEqualTo(cats);
    }

    @Test
    void findsOnlyTheReservedSystemMessage() {
        Request plain = Request.builder("1").message(Role.SYSTEM, "You are helpful.").message(Role.USER, "[google-nl] /Adult 0.90").build();
        assertThat(Bridge.find(plain)).isEmpty();
        Request bridged = Request.builder("2").message(Role.SYSTEM, "[google-nl] /Finance/Investing 0.70").build();
        assertThat(Bridge.find(bridged)).contains(List.of(new NlCategory("/Finance/Investing", 0.7)));
    }

    @Test
    void skipsPartsThatAreNotPathAndConfidence() {
        assertThat(Bridge.parse("[google-nl] hello there; /Adult x; /Adult 2.5; /News 0.51;;"))
                .containsExactly(new NlCategory("/News", 0.51));
        assertThat(Bridge.parse("[google-nl]")).isEmpty();
    }
}
