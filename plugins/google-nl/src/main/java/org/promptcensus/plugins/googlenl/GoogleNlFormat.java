package org.promptcensus.plugins.googlenl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.pf4j.Extension;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/**
 * {@code --format google-nl}: Google Cloud Natural Language {@code classifyText} results as JSON
 * Lines, one response per line with optional request metadata (see {@link ClassifyTextRecord}).
 * The labels travel to the {@link GoogleNlTagger} in the reserved {@link Bridge} system message.
 *
 * <p>Thread-safe: each {@link #read} returns an independent stream (which is not thread-safe).
 */
@Extension
public class GoogleNlFormat implements InputFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "google-nl";
    }

    @Override
    public String description() {
        return "Google Cloud Natural Language classifyText results (JSON Lines), mapped onto usecase";
    }

    @Override
    public double sniff(String head) {
        String first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        try {
            JsonNode n = JSON.readTree(first);
            JsonNode c = n == null ? null : n.get("categories");
            if (c != null && c.isArray() && !n.has("messages") && !n.has("request")) {
                JsonNode name = c.size() == 0 ? null : c.get(0).get("name");
                return name != null && name.asText().startsWith("/") ? 0.9 : 0.6;
            }
            return 0;
        } catch (IOException e) {
            return first.contains("\"categories\"") && first.contains("\"name\"") ? 0.5 : 0;
        }
    }

    @Override
    public RecordStream read(List<InputSource> inputs) {
        return new Lines(inputs);
    }

    /** Reads the inputs line by line, in order. Not thread-safe. */
    private static final class Lines implements RecordStream {
        private final List<InputSource> inputs;
        private int next;
        private InputSource current;
        private BufferedReader reader;
        private long line;
        private ReadResult pending;

        Lines(List<InputSource> inputs) {
            this.inputs = List.copyOf(inputs);
        }

        @Override
        public boolean hasNext() {
            try {
                while (pending == null) {
                    if (reader == null) {
                        if (next >= inputs.size()) {
                            return false;
                        }
                        current = inputs.get(next++);
                        reader = new BufferedReader(new InputStreamReader(current.stream(), StandardCharsets.UTF_8), 1 << 16);
                        line = 0;
                    }
                    String text = reader.readLine();
                    if (text == null) {
                        reader = null;
                        continue;
                    }
                    line++;
                    if (!text.isBlank()) {
                        pending = ClassifyTextRecord.read(current.name(), line, text);
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(current.name() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadResult r = pending;
            pending = null;
            return r;
        }

        @Override
        public void close() {
            // the engine closes the input streams
        }
    }
}
