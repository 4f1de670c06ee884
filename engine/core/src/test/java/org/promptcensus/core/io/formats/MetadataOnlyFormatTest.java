package org.promptcensus.core.io.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Tag;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.TestTaxonomies;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.Facet;
import org.promptcensus.core.mix.LabelMode;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRecord;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.Weighting;
import org.promptcensus.core.run.Outcome;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;

/** Formats through InputFiles and TagRun: metadata-only records are counted as 'unknown', bad ones skipped. */
class MetadataOnlyFormatTest {
    private static final Engine ENGINE = Engine.builder().taxonomy(TestTaxonomies.mini()).build();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static List<Outcome> run(InputFiles in) throws Exception {
        List<Outcome> out = new ArrayList<>();
        try (in) {
            new TagRun(ENGINE, new RecordParser(FieldMapping.NONE), 2, false, false).run(in, out::add);
        }
        return out;
    }

    @Test
    void metadataOnlyRecordsAreTaggedUnknownAndBrokenOnesSkippedWithTheirPath() throws Exception {
        Path gz = dir.resolve("spend.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(FormatSamples.fixture("litellm-spendlogs-stored-prompts.jsonl")));
        }
        List<Outcome> outcomes = run(new InputFiles(List.of(gz.toString()), new ByteArrayInputStream(new byte[0]), null, new LiteLlmFormat()));
        assertThat(outcomes).hasSize(3);
        Outcome.Tagged withText = (Outcome.Tagged) outcomes.get(0);
        assertThat(withText.tagged().warnings()).doesNotContain(TagRun.NO_PROMPT_TEXT);
        assertThat(withText.tagged().primary("mini")).isPresent().get().isNotEqualTo("unknown");

        Outcome.Skipped broken = (Outcome.Skipped) outcomes.get(1);
        assertThat(broken.code()).isEqualTo(ErrorCode.BAD_RECORD);
        assertThat(broken.describe()).isEqualTo(gz + ":2: prompt_tokens: expected a number, got \"lots\"");

        Outcome.Tagged metadataOnly = (Outcome.Tagged) outcomes.get(2);
        TaggedRequest t = metadataOnly.tagged();
        assertThat(t.tags("mini").orElseThrow().tags()).containsExactly(Tag.of("unknown", 1.0));
        assertThat(t.warnings()).containsExactly("no_prompt_text");
        assertThat(t.lang()).isEqualTo("und");
        assertThat(t.request().usage().totalTokens()).isEqualTo(30);
    }

    @Test
    void aBlankPromptIsStillNoText() throws Exception {
        List<Outcome> outcomes = run(new InputFiles(List.of("-"), new ByteArrayInputStream(
                "{\"text\": \"   \"}\n{\"messages\": [{\"role\": \"user\", \"content\": \"\"}]}\n".getBytes()), null, null));
        assertThat(outcomes).allSatisfy(o -> assertThat(((Outcome.Skipped) o).code()).isEqualTo(ErrorCode.NO_TEXT));
        List<Outcome> viaFormat = run(new InputFiles(List.of("-"), new ByteArrayInputStream(
                "{\"model\": \"claude-3-haiku\", \"max_tokens\": 5, \"messages\": [{\"role\": \"user\", \"content\": \" \"}]}\n".getBytes()),
                null, new AnthropicFormat()));
        assertThat(((Outcome.Skipped) viaFormat.get(0)).code()).isEqualTo(ErrorCode.NO_TEXT);
    }

    @Test
    void unknownIsACategoryOfTheMix() throws Exception {
        List<Outcome> outcomes = run(new InputFiles(List.of(FormatSamples.sample("litellm-spendlogs-row.json").toString(),
                FormatSamples.sample("litellm-standard-logging-payload.json").toString()), new ByteArrayInputStream(new byte[0]), null,
                new LiteLlmFormat()));
        MixAggregator mix = new MixAggregator(new MixSpec("mini", Dimension.parse("model"), Period.parse("all"), Facet.CATEGORY,
                Weighting.parse("requests"), LabelMode.parse("primary"), 0));
        for (Outcome o : outcomes) {
            TaggedRequest t = ((Outcome.Tagged) o).tagged();
            mix.add(new MixRecord(t, org.promptcensus.core.catalog.ModelCatalog.load(null, getClass().getClassLoader())
                    .lookup(t.request().model())));
        }
        List<MixRow> rows = mix.rows();
        assertThat(rows).extracting(MixRow::value).contains("unknown");
        MixRow unknown = rows.stream().filter(r -> r.value().equals("unknown")).findFirst().orElseThrow();
        assertThat(unknown.share()).isEqualTo(0.5);
    }

    @Test
    void summaryCountsMetadataOnlyAsTagged() throws Exception {
        List<Outcome> out = new ArrayList<>();
        RunSummary s;
        try (InputFiles in = new InputFiles(List.of(FormatSamples.sample("litellm-spendlogs-row.json").toString()),
                new ByteArrayInputStream(new byte[0]), null, new LiteLlmFormat())) {
            s = new TagRun(ENGINE, new RecordParser(FieldMapping.NONE), 1, true, false).run(in, out::add);
        }
        assertThat(s.tagged()).isEqualTo(1);
        assertThat(s.skipped()).isEmpty();
    }

    @Test
    void rawRecordsCarryRequestsOrFailures() throws IOException {
        try (InputFiles in = new InputFiles(List.of(FormatSamples.fixture("langfuse-trace-broken-usage.json").toString()),
                new ByteArrayInputStream(new byte[0]), null, new LangfuseFormat())) {
            List<RawRecord> records = new ArrayList<>();
            in.forEachRemaining(records::add);
            assertThat(records).hasSize(3);
            assertThat(records.get(0).request()).isNotNull();
            assertThat(records.get(1).error()).startsWith("observations[2].usageDetails.input");
            assertThat(records.get(1).where()).endsWith("langfuse-trace-broken-usage.json:1");
        }
    }
}
