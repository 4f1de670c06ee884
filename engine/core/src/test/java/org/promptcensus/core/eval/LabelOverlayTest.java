package org.promptcensus.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelOverlayTest {
    @TempDir
    Path dir;

    @Test
    void replacesLabelsByIdKeepsOnlyNamedRecordsAndReportsBadLines() throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"id": "a", "source": "s", "messages": [{"role": "user", "content": "act as a travel guide in Rome"}], "labels": {"usecase": ["roleplay"], "safety": []}}
                {"id": "b", "source": "s", "messages": [{"role": "user", "content": "write a haiku"}], "labels": {"usecase": ["creative_writing"]}}
                {"id": "c", "source": "s", "messages": [{"role": "user", "content": "hello"}], "labels": {"usecase": null}}
                """);
        Path labels = dir.resolve("relabels.jsonl");
        Files.writeString(labels, """
                {"id": "a", "labels": {"usecase": ["general_qa"]}, "sure": true}
                {"labels": {"usecase": ["other"]}}
                {"id": "c", "labels": {"usecase": ["other", "general_qa"]}}
                not json
                """);
        List<String> errors = new ArrayList<>();
        List<GoldRecord> records = new GoldReader().read(List.of(gold), errors::add);
        LabelOverlay overlay = LabelOverlay.read(List.of(dir.resolve("relabels.jsonl")), errors::add);

        List<GoldRecord> out = overlay.apply(records);

        assertThat(overlay.size()).isEqualTo(2);
        assertThat(out).extracting(r -> r.request().id()).containsExactly("a", "c");
        assertThat(out.get(0).labels("usecase")).contains(List.of("general_qa"));
        assertThat(out.get(0).labels("safety")).contains(List.of()); // taxonomies the overlay does not name are kept
        assertThat(out.get(1).labels("usecase")).contains(List.of("other", "general_qa"));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("relabels.jsonl:2").contains("'id'");
        assertThat(errors.get(1)).contains("relabels.jsonl:4").contains("not JSON");
    }
}
