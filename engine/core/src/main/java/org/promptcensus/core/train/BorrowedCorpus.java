package org.promptcensus.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.promptcensus.core.eval.GoldReader;
import org.promptcensus.core.eval.GoldRecord;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TrainingSettings;

/**
 * The records a taxonomy borrows from another taxonomy's seed corpus ({@code training.borrow}),
 * relabelled for it. The other corpus is the folder named after the other taxonomy next to each
 * corpus folder given (seed corpora live side by side: {@code corpora/seed/<taxonomy>/}).
 *
 * <p>Stateless and thread-safe.
 */
public final class BorrowedCorpus {
    private BorrowedCorpus() {
    }

    /**
     * @param taxonomy the taxonomy being trained
     * @param corpus the corpus files or folders given for it
     * @param errors receives bad records of the borrowed corpus
     * @param log receives one progress line
     * @return the borrowed records, labelled for {@code taxonomy}; empty without {@code training.borrow}
     */
    public static List<GoldRecord> read(Taxonomy taxonomy, List<Path> corpus, Consumer<String> errors, Consumer<String> log) {
        TrainingSettings.Borrow borrow = taxonomy.training().borrow();
        if (borrow == null) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        for (Path p : corpus) {
            Path parent = p.toAbsolutePath().normalize().getParent();
            Path other = parent == null ? null : parent.resolve(borrow.taxonomy());
            if (Files.isDirectory(p) && other != null && Files.isDirectory(other) && !folders.contains(other)) {
                folders.add(other);
            }
        }
        List<GoldRecord> out = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (GoldRecord r : new GoldReader().read(folders, errors)) {
            if (!chosen(r.request().id(), borrow.every())) {
                continue;
            }
            List<String> theirs = r.labels(borrow.taxonomy()).orElse(List.of());
            if (theirs.isEmpty() || r.labels(taxonomy.id()).isPresent()) {
                continue;
            }
            String ours = borrow.labelFor(theirs.get(0));
            if (ours == null) {
                continue;
            }
            counts.merge(ours, 1, Integer::sum);
            Map<String, List<String>> labels = new HashMap<>(r.labels());
            labels.put(taxonomy.id(), List.of(ours));
            out.add(new GoldRecord(r.request(), r.lang(), r.source(), labels));
        }
        log.accept(String.format("borrowed %,d records of %s from %s: %s", out.size(), borrow.taxonomy(), folders, counts));
        return out;
    }

    /**
     * Whether a record is one of the "one in {@code every}": chosen by a hash of its id, so that
     * adding records to one file does not change which records of the others are borrowed.
     */
    static boolean chosen(String id, int every) {
        if (every <= 1) {
            return true;
        }
        int h = id.hashCode() * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), every) == 0;
    }
}
