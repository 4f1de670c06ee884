package org.promptcensus.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * An in-process single-node KRaft Kafka (broker and controller combined) on loopback, with the
 * internal topics' replication factor and min ISR set to 1, and small clients for tests.
 */
@SuppressWarnings("try") // close() may throw what the test kit's close() throws
final class KafkaBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    KafkaBroker() throws Exception {
        KafkaClusterTestKit.Builder b = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
        for (String p : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "min.insync.replicas", "default.replication.factor")) {
            b.setConfigProp(p, "1");
        }
        b.setConfigProp("offsets.topic.num.partitions", "1");
        b.setConfigProp("transaction.state.log.num.partitions", "1");
        b.setConfigProp("group.initial.rebalance.delay.ms", "0");
        cluster = b.build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Sends values (UTF-8 strings or raw bytes) to one partition each, round-robin, and waits for them. */
    void produce(String topic, int partitions, List<byte[]> values) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, null, values.get(i)));
            }
            producer.flush();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a topic from the start with {@code isolation.level=read_committed} until the values read
     * satisfy the condition, then for a further quiet period (to catch records that should not be
     * there), or until the timeout.
     *
     * @return the values read, as UTF-8 strings
     */
    List<String> readCommitted(String topic, Predicate<List<String>> done, Duration quiet, Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                if (quietUntil == Long.MAX_VALUE && done.test(values)) {
                    quietUntil = System.nanoTime() + quiet.toNanos();
                }
            }
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
