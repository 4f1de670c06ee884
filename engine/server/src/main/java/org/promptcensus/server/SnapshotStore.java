package org.promptcensus.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.promptcensus.core.io.NonClosingOutputStream;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * Keeps the running mix's snapshot in {@code <dir>/census-mix.json}. A write goes to a temporary
 * file in the same folder, is forced to disk, then atomically renamed over the previous snapshot
 * ({@link StandardCopyOption#ATOMIC_MOVE}), so a crash at any moment leaves either the old or the
 * new snapshot, never a torn one. Stale temporary files of a crash are removed on load.
 *
 * <p>Thread-safe for one writer at a time (the {@link Snapshotter} serialises writes).
 */
final class SnapshotStore {
    /** The snapshot's file name. */
    static final String FILE = "census-mix.json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param dir the folder (created when missing) */
    SnapshotStore(Path dir) {
        this.dir = dir;
    }

    /** @return the snapshot file */
    Path file() {
        return dir.resolve(FILE);
    }

    /**
     * @return the snapshot, if there is one
     * @throws CensusException IO when the folder cannot be used, BAD_USAGE when the file is unreadable
     */
    Optional<RunningMix.Snapshot> load() {
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, FILE + ".*.tmp")) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, dir + ": cannot use the snapshot folder: " + e.getMessage(), e);
        }
        Path f = file();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(f.toFile(), RunningMix.Snapshot.class));
        } catch (IOException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, f + ": unreadable snapshot (" + e.getClass().getSimpleName()
                    + "); move it away to start with empty aggregates", e);
        }
    }

    /**
     * @param s the snapshot to write
     * @throws IOException when it cannot be written (the previous snapshot is then intact)
     */
    void save(RunningMix.Snapshot s) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                json.writeValue(new NonClosingOutputStream(out), s);
                ch.force(true);
            }
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a folder; the rename is atomic either way
        }
    }
}
