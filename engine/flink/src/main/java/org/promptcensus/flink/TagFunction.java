package org.promptcensus.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.RawRecord;
import org.promptcensus.core.io.TaggedWriter;
import org.promptcensus.core.mix.MixRecord;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.run.Outcome;
import org.promptcensus.core.run.TagRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags chunks of records with the engine, as {@code census tag} does (the same {@link TagRun} and
 * {@link TaggedWriter}): each tagged record becomes a {@link TaggedLine} holding its output line;
 * each bad record a {@link DeadLetter} on the {@link #DEAD_LETTERS} side output. Never fails the
 * job for a bad record.
 *
 * <p>One engine per parallel instance, built in {@link #open} from the {@link EngineSpec} and closed
 * in {@link #close}; no engine state is serialized. Flink calls one instance from one thread.
 */
public final class TagFunction extends ProcessFunction<SourceChunk, TaggedLine> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TagFunction.class);

    /** Records the engine could not tag, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final EngineSpec engineSpec;
    private final MixSettings mix;

    private transient EngineSpec.Built built;
    private transient TagRun run;
    private transient ModelCatalog catalog;
    private transient MixSpec spec;
    private transient ByteArrayOutputStream buffer;
    private transient TaggedWriter writer;

    /**
     * @param engineSpec how to build the engine
     * @param mix the mix whose grouping each record is given
     */
    public TagFunction(EngineSpec engineSpec, MixSettings mix) {
        this.engineSpec = engineSpec;
        this.mix = mix;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        built = engineSpec.build(line -> LOG.warn("census plugins: {}", line));
        run = new TagRun(built.engine(), engineSpec.parser(), 1, false, engineSpec.explain());
        catalog = mix.loadCatalog();
        spec = mix.spec();
        buffer = new ByteArrayOutputStream(1 << 12);
        writer = new TaggedWriter(buffer, engineSpec.outputOptions());
    }

    @Override
    public void processElement(SourceChunk chunk, Context ctx, Collector<TaggedLine> out) throws IOException {
        List<RawRecord> raws = new ArrayList<>(chunk.lines.length);
        for (SourceLine l : chunk.lines) {
            raws.add(l.toRaw());
        }
        for (Outcome o : run.processChunk(raws)) {
            if (o instanceof Outcome.Tagged t) {
                out.collect(line(t.tagged()));
            } else if (o instanceof Outcome.Skipped s) {
                ctx.output(DEAD_LETTERS, DeadLetter.of(s));
            }
        }
    }

    private TaggedLine line(TaggedRequest t) throws IOException {
        buffer.reset();
        writer.write(t);
        writer.flush();
        String json = buffer.toString(StandardCharsets.UTF_8);
        json = json.endsWith("\n") ? json.substring(0, json.length() - 1) : json;
        String group = spec.by().of(new MixRecord(t, catalog.lookup(t.request().model())));
        long time = t.request().created() == null ? TaggedLine.NO_TIME : t.request().created().toEpochMilli();
        return new TaggedLine(t.request().id(), group, time, json);
    }

    @Override
    public void close() throws Exception {
        if (built != null) {
            built.close();
        }
    }
}
