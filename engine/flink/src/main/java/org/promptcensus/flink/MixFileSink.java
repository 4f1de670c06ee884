package org.promptcensus.flink;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixWriter;

/**
 * The batch mix: every tagged record goes into one {@link MixAggregator} (the aggregator of
 * {@code census mix}), and at the end of the input its rows are written once, with
 * {@link MixWriter}, as JSON or CSV. Must run with parallelism 1: it sees the whole input. Only
 * records cross the network to it; the aggregator lives in its writer.
 */
public final class MixFileSink implements Sink<TaggedLine> {
    private static final long serialVersionUID = 1L;

    private final MixSettings mix;
    private final String output;
    private final String format;

    /**
     * @param mix what to compute
     * @param output the file to write (any Flink file system)
     * @param format {@code json} or {@code csv}
     */
    public MixFileSink(MixSettings mix, String output, String format) {
        this.mix = mix;
        this.output = output;
        this.format = format;
    }

    @Override
    public SinkWriter<TaggedLine> createWriter(WriterInitContext context) {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException("the mix sink must run with parallelism 1");
        }
        return new MixWriterTask();
    }

    /** Holds the aggregator of the one sink task. */
    private final class MixWriterTask implements SinkWriter<TaggedLine> {
        private final MixAggregator aggregator = new MixAggregator(mix.spec());
        private final TaggedReader reader = new TaggedReader(mix.loadCatalog());
        private boolean written;

        @Override
        public void write(TaggedLine line, Context context) {
            aggregator.add(reader.read(line));
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (!endOfInput || written) {
                return;
            }
            written = true;
            List<MixRow> rows = aggregator.rows(null);
            Path path = new Path(output);
            try (Writer out = new OutputStreamWriter(path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE),
                    StandardCharsets.UTF_8)) {
                MixWriter w = new MixWriter();
                if (format.equals("csv")) {
                    w.csv(aggregator.spec(), rows, out);
                } else {
                    w.write(w.json(aggregator.spec(), rows, aggregator.notes(rows)), out);
                }
            }
        }

        @Override
        public void close() {
            // nothing held open: the file is written and closed in flush(true)
        }
    }
}
