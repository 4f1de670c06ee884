package org.promptcensus.flink;

import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedRecordParser;
import org.promptcensus.core.mix.MixRecord;

/**
 * Reads a tagged JSON line back into the record the mix aggregators take, as {@code census mix}
 * does with the output of {@code census tag} ({@link TaggedRecordParser} and the model catalog).
 * Thread-safe.
 */
final class TaggedReader {
    private final RecordParser parser = new RecordParser(FieldMapping.NONE);
    private final TaggedRecordParser tagged = new TaggedRecordParser(parser);
    private final ModelCatalog catalog;

    TaggedReader(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    MixRecord read(TaggedLine line) {
        var t = tagged.parse(parser.tree(line.json), line.id);
        return new MixRecord(t, catalog.lookup(t.request().model()));
    }
}
