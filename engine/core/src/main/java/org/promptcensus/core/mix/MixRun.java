package org.promptcensus.core.mix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.run.Outcome;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;

/**
 * One pass over a log: records already tagged are read back, the others are tagged on the fly,
 * and every tagged record goes to each roll-up (mixes, lengths, retention, plugin aggregators).
 * Bad records are handed to the error consumer and skipped.
 *
 * <p>Not thread-safe: one run, one caller (tagging itself runs on the run's threads).
 */
public final class MixRun {
    /** A roll-up fed with every tagged record. */
    @FunctionalInterface
    public interface Sink {
        /** @param r a record */
        void add(MixRecord r);
    }

    private final TagRun tagRun;
    private final ModelCatalog catalog;
    private final List<Sink> sinks = new ArrayList<>();

    /**
     * @param tagRun tags records that are not tagged yet
     * @param catalog the model catalog
     */
    public MixRun(TagRun tagRun, ModelCatalog catalog) {
        this.tagRun = tagRun.acceptingTagged();
        this.catalog = catalog;
    }

    /**
     * @param sink a roll-up
     * @return this
     */
    public MixRun add(Sink sink) {
        sinks.add(sink);
        return this;
    }

    /**
     * @param records the input
     * @param skipped receives each skipped record
     * @return the run's summary
     * @throws Exception as {@link TagRun#run}
     */
    public RunSummary run(Iterator<RawRecord> records, Consumer<Outcome.Skipped> skipped) throws Exception {
        return tagRun.run(records, o -> {
            if (o instanceof Outcome.Tagged t) {
                MixRecord r = new MixRecord(t.tagged(), catalog.lookup(t.tagged().request().model()));
                for (Sink s : sinks) {
                    s.add(r);
                }
            } else if (o instanceof Outcome.Skipped s) {
                skipped.accept(s);
            }
        });
    }
}
