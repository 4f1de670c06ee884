package org.promptcensus.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.promptcensus.core.mix.MixAggregator;
import org.promptcensus.core.mix.MixRow;
import org.promptcensus.core.mix.MixWriter;

/**
 * The mix of one group (e.g. one model) in one event-time window: the window's tagged records go
 * into a fresh {@link MixAggregator} (the aggregator of {@code census mix}) and its rows come out
 * as one JSON document: {@code {"window": "hour", "start", "end", "group", "revision", "spec",
 * "notes", "rows": [...]}} (rows as {@code census mix --format json} writes them).
 *
 * <p>The first firing, when the watermark passes the window's end, has revision 0; each record
 * arriving within the allowed lateness fires the window again with the next revision and the full,
 * corrected mix: consumers keep the highest revision of each (window, start, group).
 */
public final class WindowMixFunction extends ProcessWindowFunction<TaggedLine, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final MixSettings mix;
    private final String name;
    private transient TaggedReader reader;
    private transient ObjectMapper json;
    private transient ValueStateDescriptor<Integer> firings;

    /**
     * @param mix what to compute in each window
     * @param name the window's name in the output ({@code hour}, {@code week})
     */
    public WindowMixFunction(MixSettings mix, String name) {
        this.mix = mix;
        this.name = name;
    }

    @Override
    public void open(OpenContext context) {
        reader = new TaggedReader(mix.loadCatalog());
        json = new ObjectMapper();
        firings = new ValueStateDescriptor<>("firings", Types.INT);
    }

    @Override
    public void process(String group, Context context, Iterable<TaggedLine> records, Collector<String> out) throws Exception {
        MixAggregator aggregator = new MixAggregator(mix.windowSpec());
        for (TaggedLine line : records) {
            aggregator.add(reader.read(line));
        }
        ValueState<Integer> fired = context.windowState().getState(firings);
        int revision = fired.value() == null ? 0 : fired.value();
        fired.update(revision + 1);
        List<MixRow> rows = aggregator.rows(null);
        ObjectNode doc = json.createObjectNode();
        doc.put("window", name);
        doc.put("start", Instant.ofEpochMilli(context.window().getStart()).toString());
        doc.put("end", Instant.ofEpochMilli(context.window().getEnd()).toString());
        doc.put("group", group);
        doc.put("revision", revision);
        doc.setAll(new MixWriter().json(aggregator.spec(), rows, aggregator.notes(rows)));
        out.collect(json.writeValueAsString(doc));
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState().getState(firings).clear();
    }
}
