package org.promptcensus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.Request;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TagSet;
import org.promptcensus.api.TaggedRequest;

/** Window, body decoding, token loading, pseudonyms and metrics rendering. */
class SmallPartsTest {
    @TempDir
    Path dir;

    @Test
    void windows() {
        assertThat(Window.parse(null, 168).isAll()).isTrue();
        assertThat(Window.parse("ALL", 168).isAll()).isTrue();
        assertThat(Window.parse("24h", 168).hours()).isEqualTo(24);
        assertThat(Window.parse("7d", 168).hours()).isEqualTo(168);
        assertThatThrownBy(() -> Window.parse("8d", 168)).hasMessageContaining("retention");
        assertThatThrownBy(() -> Window.parse("0h", 168)).hasMessageContaining("at least 1h");
        assertThatThrownBy(() -> Window.parse("2w", 168)).hasMessageContaining("'all', 'Nh' or 'Nd'");
    }

    @Test
    void bodiesAreStrictUtf8() {
        assertThat(BodyReader.decode("\uFEFF{\"text\":\"caf\u00e9 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"text\":\"caf\u00e9 \ud83d\ude00\"}");
        assertThatThrownBy(() -> BodyReader.decode(new byte[] {'{', (byte) 0xC3, '}'})).hasMessage("invalid UTF-8 at byte 1");
        assertThatThrownBy(() -> BodyReader.decode(new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x82})).hasMessage("invalid UTF-8 at byte 2");
        assertThatThrownBy(() -> BodyReader.decode(new byte[0])).hasMessageContaining("empty body");
    }

    @Test
    void tokensComeFromAFileAndTheEnvironment() throws Exception {
        Path f = dir.resolve("tokens");
        Files.writeString(f, "# comment\n  alpha  \n\nbeta\n");
        assertThat(BearerAuth.load(f, "gamma, ,delta")).containsExactly("alpha", "beta", "gamma", "delta");
        assertThat(BearerAuth.load(null, null)).isEmpty();
        Files.writeString(f, "# nothing\n");
        assertThatThrownBy(() -> BearerAuth.load(f, null)).hasMessageContaining("holds no token");
        assertThatThrownBy(() -> BearerAuth.load(dir.resolve("missing"), null)).hasMessageContaining("cannot read");
        assertThat(new BearerAuth(java.util.Set.of()).enabled()).isFalse();
    }

    @Test
    void pseudonymsAreStableForAKeyAndDifferAcrossKeys() {
        Pseudonyms p = new Pseudonyms(null);
        Pseudonyms same = Pseudonyms.decode(p.encodedKey());
        assertThat(same.of("user-1")).isEqualTo(p.of("user-1")).hasSize(32).doesNotContain("user");
        assertThat(p.of("user-2")).isNotEqualTo(p.of("user-1"));
        assertThat(new Pseudonyms(null).of("user-1")).isNotEqualTo(p.of("user-1"));
        assertThat(p.of(null)).isNull();
    }

    @Test
    void metricsRender() {
        Metrics m = new Metrics();
        m.observe("/v1/tag", "POST", 200, 800);
        m.observe("/v1/tag", "POST", 200, 3_000);
        m.observe("/secret/path\"", "BREW", 404, 10);
        m.tagged(new TaggedRequest(Request.ofText("1", "x"), "en", List.of(new TagSet("usecase", List.of(Tag.of("legal", 0.8)))), List.of()));
        m.error("bad_record");
        m.gauge("census_test_gauge", "A test.", () -> 2.5);
        String t = m.render();
        assertThat(t).contains("census_http_requests_total{endpoint=\"/v1/tag\",method=\"POST\",status=\"200\"} 2")
                .contains("census_http_requests_total{endpoint=\"other\",method=\"OTHER\",status=\"404\"} 1")
                .contains("census_http_request_duration_seconds_bucket{endpoint=\"/v1/tag\",le=\"0.001\"} 1")
                .contains("census_http_request_duration_seconds_bucket{endpoint=\"/v1/tag\",le=\"0.005\"} 2")
                .contains("census_http_request_duration_seconds_sum{endpoint=\"/v1/tag\"} 0.0038")
                .contains("census_tags_total{taxonomy=\"usecase\",category=\"legal\"} 1")
                .contains("census_errors_total{code=\"bad_record\"} 1")
                .contains("census_test_gauge 2.5")
                .doesNotContain("secret");
    }
}
