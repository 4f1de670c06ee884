package org.promptcensus.core.io.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.promptcensus.api.Message;
import org.promptcensus.api.Request;
import org.promptcensus.api.Role;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/** Test support: the real samples in ../shared/formats (skipped when absent), fixtures, reading. */
final class FormatSamples {
    private FormatSamples() {
    }

    /** @return the shared samples folder; the calling test is skipped when it is absent */
    static Path dir() {
        Path d = Path.of(System.getProperty("census.root", "../..")).resolve("../shared/formats").normalize();
        assumeTrue(Files.isDirectory(d), "no samples at " + d);
        return d;
    }

    /** @return a sample file; the calling test is skipped when it is absent */
    static Path sample(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "no sample " + p);
        return p;
    }

    /** @return a fixture from src/test/resources/formats */
    static Path fixture(String name) {
        try {
            return Path.of(FormatSamples.class.getResource("/formats/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    /** @return the first 64 KB of a file, as detection sees it */
    static String head(Path p) {
        return FormatRegistry.head(p);
    }

    /** Reads files with a format. */
    static List<ReadResult> read(InputFormat format, Path... files) {
        List<InputSource> sources = new ArrayList<>();
        try {
            for (Path f : files) {
                sources.add(new InputSource(f.getFileName().toString(), Files.newInputStream(f)));
            }
            return drain(format, sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a text with a format. */
    static List<ReadResult> readText(InputFormat format, String name, String text) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try {
            return drain(format, List.of(new InputSource(name, in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads two texts, in this order, with a format. */
    static List<ReadResult> readBoth(InputFormat format, String name1, String text1, String name2, String text2) {
        try {
            return drain(format, List.of(new InputSource(name1, new ByteArrayInputStream(text1.getBytes(StandardCharsets.UTF_8))),
                    new InputSource(name2, new ByteArrayInputStream(text2.getBytes(StandardCharsets.UTF_8)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ReadResult> drain(InputFormat format, List<InputSource> sources) throws IOException {
        List<ReadResult> out = new ArrayList<>();
        try (RecordStream s = format.read(sources)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    /** @return the requests read, failing on any failed record */
    static List<Request> requests(List<ReadResult> results) {
        List<Request> out = new ArrayList<>();
        for (ReadResult r : results) {
            if (r.request() == null) {
                throw new AssertionError("failed record " + r.source() + ":" + r.position() + ": " + r.error());
            }
            out.add(r.request());
        }
        return out;
    }

    /** @return the roles of a request's messages */
    static List<Role> roles(Request r) {
        return r.messages().stream().map(Message::role).toList();
    }

    /** @return the text of the first message of a role */
    static String text(Request r, Role role) {
        return r.messages().stream().filter(m -> m.role() == role).map(Message::content).findFirst().orElse(null);
    }
}
