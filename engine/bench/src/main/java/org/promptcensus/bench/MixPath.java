package org.promptcensus.bench;

import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedLineReader;
import org.promptcensus.core.io.TaggedRecordParser;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRecord;
import org.promptcensus.core.mix.MixSpec;

/**
 * What {@code census mix} does per pre-tagged line, without the file reading and the run's
 * batching: parse the line, look its model up in the catalog, add it to the mix. Two readers:
 * {@code fast} ({@link TaggedLineReader}, what {@code census mix} uses) and {@code tree} (a
 * Jackson tree and {@link TaggedRecordParser}: the general path, and the only one before).
 *
 * <p>Not thread-safe: one per thread.
 */
final class MixPath {
    private final boolean fast;
    private final RecordParser parser = new RecordParser(FieldMapping.NONE);
    private final TaggedRecordParser tree = new TaggedRecordParser(parser);
    private final TaggedLineReader lines = new TaggedLineReader();
    private final ModelCatalog catalog = ModelCatalog.load(null, MixPath.class.getClassLoader());
    private MixAggregator mix;

    /** @param reader {@code fast} or {@code tree} */
    MixPath(String reader) {
        if (!reader.equals("fast") && !reader.equals("tree")) {
            throw new IllegalArgumentException("reader must be fast or tree: " + reader);
        }
        this.fast = reader.equals("fast");
        reset();
    }

    /** Starts a new mix (the default spec: per model, token-weighted, k = 10). */
    void reset() {
        mix = new MixAggregator(MixSpec.DEFAULT);
    }

    /** @param line a tagged line */
    void add(String line) {
        TaggedRequest t = fast ? lines.read(line, "0") : null;
        if (t == null) {
            t = tree.parse(parser.tree(line), "0");
        }
        mix.add(new MixRecord(t, catalog.lookup(t.request().model())));
    }

    /** @return the mix */
    MixAggregator mix() {
        return mix;
    }
}
