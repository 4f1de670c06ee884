package org.promptcensus.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.api.spi.InputSource;
import org.promptcensus.api.spi.ReadResult;
import org.promptcensus.api.spi.RecordStream;

/**
 * Reads input files one record at a time: JSON Lines (plain or gzip, detected by content) from
 * files or stdin ({@code -}), or CSV with a header row when a text column is named. Blank lines
 * are skipped. Memory stays flat whatever the input size. With an {@link InputFormat} (another
 * tool's log format), the format reads the inputs instead and hands over requests; a record it
 * cannot read becomes a failed record naming the path that failed.
 *
 * <p>Not thread-safe: one iterator, one consumer.
 */
public final class InputFiles implements Iterator<RawRecord>, AutoCloseable {
    /** Longest line accepted; longer lines are reported and skipped. */
    public static final int MAX_LINE_BYTES = 64 << 20;

    private final List<String> inputs;
    private final InputStream stdin;
    private final String textColumn;
    private final InputFormat format;
    private RecordStream formatRecords;
    private final List<InputStream> formatStreams = new java.util.ArrayList<>();
    private int nextInput;
    private Utf8LineReader lines;
    private Iterator<CSVRecord> csvRows;
    private CSVParser csv;
    private String current;
    private RawRecord pending;

    /**
     * @param inputs file paths, {@code -} for stdin
     * @param stdin the standard input stream
     * @param textColumn the CSV column holding the prompt, or null for JSON Lines
     */
    public InputFiles(List<String> inputs, InputStream stdin, String textColumn) {
        this(inputs, stdin, textColumn, null);
    }

    /**
     * @param inputs file paths, {@code -} for stdin
     * @param stdin the standard input stream
     * @param textColumn the CSV column holding the prompt, or null for JSON Lines
     * @param format the format that reads the inputs, or null for the canonical JSON Lines (and CSV)
     */
    public InputFiles(List<String> inputs, InputStream stdin, String textColumn, InputFormat format) {
        this.inputs = List.copyOf(inputs.isEmpty() ? List.of("-") : inputs);
        this.stdin = stdin;
        this.textColumn = textColumn;
        this.format = format;
    }

    @Override
    public boolean hasNext() {
        if (format != null) {
            return nextFromFormat();
        }
        try {
            while (pending == null) {
                if (lines == null && csvRows == null) {
                    if (nextInput >= inputs.size()) {
                        return false;
                    }
                    open(inputs.get(nextInput++));
                }
                pending = lines != null ? nextLine() : nextCsv();
                if (pending == null) {
                    closeCurrent();
                }
            }
            return true;
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, current + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord r = pending;
        pending = null;
        return r;
    }

    private boolean nextFromFormat() {
        if (pending != null) {
            return true;
        }
        try {
            if (formatRecords == null) {
                List<InputSource> sources = new java.util.ArrayList<>();
                for (String input : inputs) {
                    current = input;
                    InputStream raw;
                    if (input.equals("-")) {
                        raw = stdin;
                    } else {
                        try {
                            raw = Files.newInputStream(Path.of(input));
                        } catch (NoSuchFileException e) {
                            throw new CensusException(ErrorCode.IO, input + ": no such file");
                        }
                    }
                    InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16));
                    if (!input.equals("-")) {
                        formatStreams.add(in);
                    }
                    sources.add(new InputSource(input, in));
                }
                current = format.name();
                formatRecords = format.read(sources);
            }
            if (!formatRecords.hasNext()) {
                return false;
            }
            ReadResult r = formatRecords.next();
            pending = r.request() != null ? new RawRecord(r.source(), r.position(), null, r.request(), null)
                    : RawRecord.failed(r.source(), r.position(), r.error());
            return true;
        } catch (IOException | UncheckedIOException e) {
            throw new CensusException(ErrorCode.IO, current + ": " + e.getMessage(), e);
        } catch (CensusException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CensusException(ErrorCode.INTERNAL, "input format " + format.name() + " failed: " + e, e);
        }
    }

    private RawRecord nextLine() throws IOException {
        while (true) {
            RawRecord r = lines.next();
            if (r == null || r.text() == null || !r.text().isBlank()) {
                return r;
            }
        }
    }

    private RawRecord nextCsv() {
        try {
            if (!csvRows.hasNext()) {
                return null;
            }
            CSVRecord row = csvRows.next();
            long n = row.getRecordNumber();
            if (!row.isMapped(textColumn) || !row.isSet(textColumn)) {
                return RawRecord.failed(current, n, "no column '" + textColumn + "' in this row");
            }
            String id = row.isMapped("id") && row.isSet("id") && !row.get("id").isBlank() ? row.get("id") : String.valueOf(n);
            return new RawRecord(current, n, null, Request.ofText(id, row.get(textColumn)), null);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken row (an unterminated quote) and cannot go on in this file.
            return RawRecord.failed(current, csv.getRecordNumber() + 1, "malformed CSV: " + e.getMessage());
        }
    }

    private void open(String input) throws IOException {
        current = input;
        InputStream raw;
        if (input.equals("-")) {
            raw = stdin;
        } else {
            try {
                raw = Files.newInputStream(Path.of(input));
            } catch (NoSuchFileException e) {
                throw new CensusException(ErrorCode.IO, input + ": no such file");
            }
        }
        InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16));
        if (textColumn != null) {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .get().parse(reader);
            if (!csv.getHeaderMap().containsKey(textColumn)) {
                String header = String.valueOf(csv.getHeaderNames());
                csv.close();
                throw new CensusException(ErrorCode.BAD_USAGE, input + ": no column '" + textColumn + "'; columns are " + header);
            }
            csvRows = csv.iterator();
        } else {
            lines = new Utf8LineReader(in, input, MAX_LINE_BYTES);
        }
    }

    /**
     * @param in a buffered input (supports mark/reset)
     * @return the same input, or a gunzipping view of it when it starts with the gzip magic bytes
     * @throws IOException when reading the first bytes fails
     */
    public static InputStream maybeGunzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private void closeCurrent() throws IOException {
        if (lines != null && !current.equals("-")) {
            lines.close();
        }
        if (csv != null && !current.equals("-")) {
            csv.close();
        }
        lines = null;
        csvRows = null;
        csv = null;
    }

    @Override
    public void close() {
        try {
            if (formatRecords != null) {
                formatRecords.close();
            }
            for (InputStream in : formatStreams) {
                in.close();
            }
            closeCurrent();
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, current + ": " + e.getMessage(), e);
        }
    }
}
