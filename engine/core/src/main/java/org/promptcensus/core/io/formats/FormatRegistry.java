package org.promptcensus.core.io.formats;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.InputFormat;

/**
 * The input formats by name: the built-in ones and those plugins add. {@link #detect} tells an
 * input's format from its head. Thread-safe once built: register formats before sharing it.
 */
public final class FormatRegistry {
    /** How many characters of an input {@link #detect} looks at. */
    public static final int HEAD_CHARS = 64 * 1024;
    /** The sniff score from which a format is confident. */
    public static final double CONFIDENT = 0.5;
    /** How far a confident format must be above the next one to be chosen. */
    public static final double MARGIN = 0.2;

    private final Map<String, InputFormat> formats = new LinkedHashMap<>();

    private FormatRegistry() {
    }

    /** @return a registry of the built-in formats */
    public static FormatRegistry builtIn() {
        FormatRegistry r = new FormatRegistry();
        r.register(new CanonicalFormat());
        r.register(new LiteLlmFormat());
        r.register(new LangfuseFormat());
        r.register(new OpenAiBatchFormat());
        r.register(new OpenAiStoredFormat());
        r.register(new AnthropicFormat());
        r.register(new GeminiFormat());
        r.register(new OtelGenAiFormat());
        r.register(new OpenRouterFormat());
        r.register(new HeliconeFormat());
        r.register(new PortkeyFormat());
        return r;
    }

    /**
     * Adds a format, e.g. a plugin's.
     *
     * @param format the format
     * @return this
     * @throws CensusException PLUGIN_FAILED when its name is empty, {@code auto}, or taken
     */
    public synchronized FormatRegistry register(InputFormat format) {
        String name = format.name() == null ? "" : format.name().trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("auto") || formats.containsKey(name)) {
            throw new CensusException(ErrorCode.PLUGIN_FAILED, "input format '" + format.name() + "' "
                    + (name.isEmpty() || name.equals("auto") ? "is not a valid name" : "is defined twice"));
        }
        formats.put(name, format);
        return this;
    }

    /** @return the formats, built-in first, in registration order */
    public synchronized List<InputFormat> formats() {
        return List.copyOf(formats.values());
    }

    /** @return the formats' names */
    public synchronized List<String> names() {
        return List.copyOf(formats.keySet());
    }

    /**
     * @param name a format's name, any case
     * @return that format, if registered
     */
    public synchronized Optional<InputFormat> get(String name) {
        return Optional.ofNullable(formats.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param name a format's name
     * @return that format
     * @throws CensusException BAD_USAGE naming the formats when there is none of that name
     */
    public InputFormat require(String name) {
        return get(name).orElseThrow(() -> new CensusException(ErrorCode.BAD_USAGE,
                "unknown input format '" + name + "'; formats are " + String.join(", ", names()) + " (or auto)"));
    }

    /**
     * @param head the first characters of an input
     * @return the only format confident about it
     * @throws CensusException BAD_USAGE when none is, or several are
     */
    public InputFormat detect(String head) {
        return detect(head, "the input");
    }

    /**
     * Chooses the single format whose sniff is confident (at least {@link #CONFIDENT}) and clearly
     * (by {@link #MARGIN}) above every other. An empty head is the canonical format.
     *
     * @param head the first characters of an input
     * @param file the input's name, for the message
     * @return the format
     * @throws CensusException BAD_USAGE naming the candidates when it is ambiguous, or the formats
     *         when none fits
     */
    public InputFormat detect(String head, String file) {
        if (head == null || head.isBlank()) {
            return require(CanonicalFormat.NAME);
        }
        record Score(InputFormat format, double score) {
        }
        List<Score> scores = new ArrayList<>();
        for (InputFormat f : formats()) {
            double s;
            try {
                s = f.sniff(head);
            } catch (RuntimeException | LinkageError e) {
                s = 0; // a plugin's sniff that fails does not stop detection
            }
            scores.add(new Score(f, Double.isFinite(s) ? Math.max(0, Math.min(1, s)) : 0));
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed());
        Score best = scores.get(0);
        if (best.score() < CONFIDENT) {
            throw new CensusException(ErrorCode.BAD_USAGE, "cannot tell the input format of " + file
                    + ": no known format; formats are " + String.join(", ", names()) + "; use --format NAME");
        }
        List<String> close = scores.stream().filter(s -> s.score() > 0 && s.score() > best.score() - MARGIN)
                .map(s -> s.format().name()).toList();
        if (close.size() > 1) {
            String names = String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
            throw new CensusException(ErrorCode.BAD_USAGE, "cannot tell the input format of " + file + ": it could be "
                    + names + "; use --format NAME");
        }
        return best.format();
    }

    /**
     * Reads the head of a file (decompressed when gzip) for {@link #detect}.
     *
     * @param file the file
     * @return its first {@link #HEAD_CHARS} characters or so
     * @throws CensusException IO when it cannot be read
     */
    public static String head(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return head(in);
        } catch (NoSuchFileException e) {
            throw new CensusException(ErrorCode.IO, file + ": no such file");
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the head of a stream that supports mark and reset (stdin wrapped in a
     * {@link BufferedInputStream} of at least {@link #HEAD_CHARS} bytes), and resets it so that
     * the stream can still be read from the start. Gzip is decompressed for the head.
     *
     * @param in the stream
     * @return its head
     * @throws IOException when it cannot be read
     */
    public static String head(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark");
        }
        in.mark(HEAD_CHARS + 1);
        byte[] raw = in.readNBytes(HEAD_CHARS);
        in.reset();
        byte[] bytes = raw;
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                try {
                    while (out.size() < HEAD_CHARS && (n = gz.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the head cuts the gzip stream short: keep what was decompressed
                }
                bytes = out.toByteArray();
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = dec.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }
}
