package org.promptcensus.flink;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/**
 * The batch job: JSON Lines files → tag (in parallel) → tagged JSON Lines part files, a dead-letter
 * folder, and one mix file computed at the end of the input by a single aggregator task.
 */
public final class BatchPipeline {
    private BatchPipeline() {
    }

    /**
     * Adds the batch job to an environment (and sets it to batch execution).
     *
     * @param env the environment
     * @param options the job's options (batch mode)
     */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        BatchOptions batch = options.batch();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        Path[] inputs = batch.inputs().stream().map(Path::new).toArray(Path[]::new);
        FileSource<SourceChunk> source = FileSource.forBulkFileFormat(new JsonLinesFormat(), inputs).build();
        SingleOutputStreamOperator<TaggedLine> tagged = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "census-read").uid("census-read")
                .rebalance()
                .process(new TagFunction(options.engine(), options.mix())).name("census-tag").uid("census-tag");

        tagged.map(t -> t.json).returns(Types.STRING).name("tagged-json")
                .sinkTo(lines(batch.taggedDir(), "tagged")).name("tagged-files").uid("tagged-files");
        tagged.sinkTo(new MixFileSink(options.mix(), batch.mixFile(), batch.mixFormat()))
                .name("census-mix").uid("census-mix").setParallelism(1);
        DataStream<DeadLetter> dead = tagged.getSideOutput(TagFunction.DEAD_LETTERS);
        dead.map(DeadLetter::toJson).returns(Types.STRING).name("dead-letter-json")
                .sinkTo(lines(batch.deadLetterDir(), "dead-letters")).name("dead-letter-files").uid("dead-letter-files");
    }

    private static FileSink<String> lines(String dir, String prefix) {
        return FileSink.forRowFormat(new Path(dir), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(".jsonl").build())
                .build();
    }
}
