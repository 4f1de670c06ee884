package org.promptcensus.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promptcensus.api.CensusException;

class InputFilesTest {
    @TempDir
    Path dir;

    private static List<RawRecord> readAll(InputFiles in) {
        List<RawRecord> out = new ArrayList<>();
        in.forEachRemaining(out::add);
        in.close();
        return out;
    }

    @Test
    void readsLinesSkippingBlankOnesAndKeepingLineNumbers() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"text\": \"one\"}\n\n   \n{\"text\": \"two\"}\r\n{\"text\": \"three\"}");
        List<RawRecord> records = readAll(new InputFiles(List.of(f.toString()), InputStream.nullInputStream(), null));
        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 4L, 5L);
        assertThat(records.get(1).text()).isEqualTo("{\"text\": \"two\"}");
    }

    @Test
    void invalidUtf8IsThatLinesErrorOnly() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("{\"text\": \"ok\"}\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        b.write("\"}\n{\"text\": \"also ok\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        List<RawRecord> records = readAll(new InputFiles(List.of(f.toString()), InputStream.nullInputStream(), null));
        assertThat(records).hasSize(3);
        assertThat(records.get(1).error()).isEqualTo("invalid UTF-8");
        assertThat(records.get(1).where()).endsWith("bad.jsonl:2");
        assertThat(records.get(2).text()).contains("also ok");
    }

    @Test
    void readsGzipByContentAndStdin() throws IOException {
        Path f = dir.resolve("a.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(f))) {
            gz.write("{\"text\": \"zipped\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        InputStream stdin = new ByteArrayInputStream("{\"text\": \"piped\"}\n".getBytes(StandardCharsets.UTF_8));
        List<RawRecord> records = readAll(new InputFiles(List.of(f.toString(), "-"), stdin, null));
        assertThat(records).extracting(RawRecord::text).containsExactly("{\"text\": \"zipped\"}", "{\"text\": \"piped\"}");
        assertThat(records.get(1).source()).isEqualTo("-");
    }

    @Test
    void readsCsvWithATextColumn() throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id,prompt,x\nr1,\"write a poem, please\",1\n,translate hola,2\n");
        List<RawRecord> records = readAll(new InputFiles(List.of(f.toString()), InputStream.nullInputStream(), "prompt"));
        assertThat(records).hasSize(2);
        assertThat(records.get(0).request().id()).isEqualTo("r1");
        assertThat(records.get(0).request().messages().get(0).content()).isEqualTo("write a poem, please");
        assertThat(records.get(1).request().id()).isEqualTo("2");
    }

    @Test
    void missingCsvColumnAndMissingFileAreClearErrors() throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id,body\n1,x\n");
        assertThatThrownBy(() -> readAll(new InputFiles(List.of(f.toString()), InputStream.nullInputStream(), "prompt")))
                .isInstanceOf(CensusException.class).hasMessageContaining("no column 'prompt'");
        assertThatThrownBy(() -> readAll(new InputFiles(List.of(dir.resolve("nope.jsonl").toString()), InputStream.nullInputStream(), null)))
                .isInstanceOf(CensusException.class).hasMessageContaining("no such file");
    }
}
