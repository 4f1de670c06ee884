package org.promptcensus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    @Test
    void kafkaRecordsOfInvalidUtf8OrEmptyBecomeFailedLinesNamingPartitionAndOffset() {
        KafkaLines lines = new KafkaLines();
        java.util.List<SourceChunk> out = new java.util.ArrayList<>();
        org.apache.flink.util.Collector<SourceChunk> c = new org.apache.flink.util.Collector<>() {
            @Override
            public void collect(SourceChunk record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        };
        lines.deserialize(new ConsumerRecord<>("req", 1, 7L, null, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}), c);
        lines.deserialize(new ConsumerRecord<>("req", 0, 8L, null, new byte[0]), c);
        lines.deserialize(new ConsumerRecord<>("req", 0, 9L, null, "{\"text\":\"é\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), c);
        assertThat(out).hasSize(3);
        SourceLine bad = out.get(0).lines[0];
        assertThat(bad.source).isEqualTo("req-1");
        assertThat(bad.position).isEqualTo(7);
        assertThat(bad.error).isEqualTo("invalid UTF-8");
        assertThat(bad.toRaw().where()).isEqualTo("req-1:7");
        assertThat(out.get(1).lines[0].error).isEqualTo("empty record");
        assertThat(out.get(2).lines[0].text).isEqualTo("{\"text\":\"é\"}");
    }

    @Test
    void deadLettersAreJsonWithTheReasonAndNoText() {
        String json = new DeadLetter("logs.jsonl", 12, null, "BAD_RECORD", "malformed JSON").toJson();
        assertThat(json).isEqualTo("{\"source\":\"logs.jsonl\",\"position\":12,\"code\":\"BAD_RECORD\",\"reason\":\"malformed JSON\"}");
    }
}
