package org.promptcensus.flink;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The streaming job: a Kafka topic of requests → tag → a topic of tagged records, event-time
 * windowed mixes per group (hourly, weekly, ...) to a mix topic, and bad or too-late records to a
 * dead-letter topic. Checkpointing is on, in exactly-once mode, and the three sinks write in Kafka
 * transactions committed with each checkpoint: a consumer reading with
 * {@code isolation.level=read_committed} sees every record once, across failures and restarts.
 *
 * <p>Late records: a record's event time is its {@code created} field (else the Kafka record's
 * timestamp). Watermarks trail the newest event time by the out-of-orderness bound. A record behind
 * the watermark but within the allowed lateness updates its windows (a new revision of their mix); a
 * record later than that is still tagged and written to the output topic, and goes to the
 * dead-letter topic with code {@code LATE} instead of into a mix.
 */
public final class StreamingPipeline {
    private StreamingPipeline() {
    }

    /** A hook between tagging and the sinks, for tests that inject failures; identity in the job. */
    @FunctionalInterface
    public interface Tap extends java.io.Serializable {
        /**
         * @param tagged the tagged records
         * @return the stream the sinks and windows read
         */
        DataStream<TaggedLine> apply(DataStream<TaggedLine> tagged);
    }

    /**
     * @param env the environment
     * @param options the job's options (stream mode)
     */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        build(env, options, t -> t);
    }

    /**
     * @param env the environment
     * @param options the job's options (stream mode)
     * @param tap applied to the tagged records before they are written
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy: the connector (5.0.0-2.2) takes no other type
    public static void build(StreamExecutionEnvironment env, JobOptions options, Tap tap) {
        StreamOptions s = options.stream();
        env.enableCheckpointing(s.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

        Properties consumer = new Properties();
        consumer.putAll(s.kafkaProperties());
        consumer.setProperty("isolation.level", "read_committed");
        KafkaSource<SourceChunk> source = KafkaSource.<SourceChunk>builder()
                .setBootstrapServers(s.bootstrapServers())
                .setTopics(s.inputTopic())
                .setGroupId(s.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new KafkaLines())
                .setProperties(consumer)
                .build();

        SingleOutputStreamOperator<TaggedLine> taggedOp = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "kafka-requests").uid("kafka-requests")
                .process(new TagFunction(options.engine(), options.mix())).name("census-tag").uid("census-tag");
        DataStream<TaggedLine> tagged = tap.apply(taggedOp);

        tagged.map(t -> t.id + "\n" + t.json).returns(Types.STRING).name("tagged-json")
                .sinkTo(sink(s, s.outputTopic(), "tagged")).name("tagged-topic").uid("tagged-topic");

        DataStream<TaggedLine> timed = tagged.assignTimestampsAndWatermarks(
                WatermarkStrategy.<TaggedLine>forBoundedOutOfOrderness(s.outOfOrderness())
                        .withTimestampAssigner((t, kafkaTime) -> t.eventTime != TaggedLine.NO_TIME ? t.eventTime : kafkaTime)
                        .withIdleness(s.idleTimeout()))
                .name("event-time").uid("event-time");

        OutputTag<TaggedLine> late = new OutputTag<>("late", TypeInformation.of(TaggedLine.class));
        DataStream<String> mixes = null;
        DataStream<DeadLetter> lateLetters = null;
        for (String w : s.windows()) {
            SingleOutputStreamOperator<String> m = timed
                    .keyBy(t -> t.group, Types.STRING)
                    .window(TumblingEventTimeWindows.of(StreamOptions.size(w), StreamOptions.offset(w)))
                    .allowedLateness(s.allowedLateness())
                    .sideOutputLateData(late)
                    .process(new WindowMixFunction(options.mix(), w)).name("mix-" + w).uid("mix-" + w);
            DataStream<DeadLetter> l = m.getSideOutput(late)
                    .map(t -> new DeadLetter("window:" + w, t.eventTime, t.id, DeadLetter.LATE,
                            "later than the allowed lateness for its " + w + " window; tagged, but not in that window's mix"))
                    .returns(DeadLetter.class).name("late-" + w);
            mixes = mixes == null ? m : mixes.union(m);
            lateLetters = lateLetters == null ? l : lateLetters.union(l);
        }
        if (mixes != null) {
            mixes.map(doc -> keyOf(doc) + "\n" + doc).returns(Types.STRING).name("mix-json")
                    .sinkTo(sink(s, s.mixTopic(), "mix")).name("mix-topic").uid("mix-topic");
        }

        DataStream<DeadLetter> dead = taggedOp.getSideOutput(TagFunction.DEAD_LETTERS);
        if (lateLetters != null) {
            dead = dead.union(lateLetters);
        }
        dead.map(d -> (d.id == null ? d.source + ":" + d.position : d.id) + "\n" + d.toJson()).returns(Types.STRING)
                .name("dead-letter-json")
                .sinkTo(sink(s, s.deadLetterTopic(), "dead")).name("dead-letter-topic").uid("dead-letter-topic");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The Kafka key of a mix document: window, start and group. */
    private static String keyOf(String doc) {
        try {
            var node = JSON.readTree(doc);
            return node.path("window").asText() + "/" + node.path("start").asText() + "/" + node.path("group").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A transactional sink of {@code key \n value} strings. */
    private static KafkaSink<String> sink(StreamOptions s, String topic, String name) {
        Properties producer = new Properties();
        producer.putAll(s.kafkaProperties());
        // Below the brokers' default transaction.max.timeout.ms (15 min); must outlast a checkpoint interval.
        producer.putIfAbsent("transaction.timeout.ms", "600000");
        return KafkaSink.<String>builder()
                .setBootstrapServers(s.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer((KafkaRecordSerializationSchema<String>) (keyAndValue, context, timestamp) -> {
                    int nl = keyAndValue.indexOf('\n');
                    return new ProducerRecord<>(topic, null, timestamp,
                            keyAndValue.substring(0, nl).getBytes(StandardCharsets.UTF_8),
                            keyAndValue.substring(nl + 1).getBytes(StandardCharsets.UTF_8));
                })
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(s.transactionalIdPrefix() + "-" + name)
                .build();
    }
}
