package org.promptcensus.flink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.Utf8LineReader;

/**
 * Reads JSON Lines files, plain or gzip (told by content, as {@code census tag} does), with the
 * engine's own line reader: a line of invalid UTF-8 or over the length limit becomes a failed
 * record naming its file and line, not an error of the whole file; blank lines are skipped. Files
 * are not split (a gzip stream cannot be); lines are grouped into {@link SourceChunk}s.
 *
 * <p>Stateless; each reader it creates is used by one thread.
 */
public final class JsonLinesFormat implements BulkFormat<SourceChunk, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    /** Lines per chunk: the engine tags a chunk in one batch. */
    static final int CHUNK = 32;
    /** Chunks handed to Flink per batch. */
    private static final int BATCH = 16;

    @Override
    public Reader<SourceChunk> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new LineChunkReader(split, 0);
    }

    @Override
    public Reader<SourceChunk> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new LineChunkReader(split, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<SourceChunk> getProducedType() {
        return TypeInformation.of(SourceChunk.class);
    }

    /** Reads one file's chunks; positions count chunks from the start of the file. */
    private static final class LineChunkReader implements Reader<SourceChunk> {
        private final Utf8LineReader lines;
        private long chunksRead;
        private boolean done;

        LineChunkReader(FileSourceSplit split, long skipChunks) throws IOException {
            Path path = split.path();
            // The files connector already gunzips a .gz file by its name; this catches gzip by content too.
            BufferedInputStream in = new BufferedInputStream(path.getFileSystem().open(path), 1 << 16);
            this.lines = new Utf8LineReader(InputFiles.maybeGunzip(in), path.getPath(), InputFiles.MAX_LINE_BYTES);
            while (chunksRead < skipChunks && nextChunk() != null) {
                chunksRead++;
            }
        }

        private SourceChunk nextChunk() throws IOException {
            List<SourceLine> chunk = new ArrayList<>(CHUNK);
            while (chunk.size() < CHUNK) {
                RawRecord r = lines.next();
                if (r == null) {
                    done = true;
                    break;
                }
                if (r.text() == null || !r.text().isBlank()) {
                    chunk.add(SourceLine.of(r));
                }
            }
            return chunk.isEmpty() ? null : SourceChunk.of(chunk);
        }

        @Override
        public RecordIterator<SourceChunk> readBatch() throws IOException {
            if (done) {
                return null;
            }
            SourceChunk[] batch = new SourceChunk[BATCH];
            int n = 0;
            while (n < BATCH && !done) {
                SourceChunk c = nextChunk();
                if (c != null) {
                    batch[n++] = c;
                }
            }
            if (n == 0) {
                return null;
            }
            ArrayResultIterator<SourceChunk> it = new ArrayResultIterator<>();
            it.set(batch, n, CheckpointedPosition.NO_OFFSET, chunksRead);
            chunksRead += n;
            return it;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
