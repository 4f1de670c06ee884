package org.promptcensus.flink;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promptcensus.core.io.InputFiles;

/**
 * Reads each Kafka record's value as one request (a JSON object in UTF-8), as a chunk of one
 * {@link SourceLine} whose source is {@code topic-partition} and position the offset. Invalid
 * UTF-8, an empty value or one over the line limit becomes a failed record (a dead letter later),
 * never an exception. Not thread-safe (Flink uses one instance per reader thread).
 */
public final class KafkaLines implements KafkaRecordDeserializationSchema<SourceChunk> {
    private static final long serialVersionUID = 1L;
    private transient CharsetDecoder decoder;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceChunk> out) {
        String source = record.topic() + "-" + record.partition();
        byte[] value = record.value();
        SourceLine line;
        if (value == null || value.length == 0) {
            line = new SourceLine(source, record.offset(), null, "empty record");
        } else if (value.length > InputFiles.MAX_LINE_BYTES) {
            line = new SourceLine(source, record.offset(), null, "record longer than " + InputFiles.MAX_LINE_BYTES + " bytes");
        } else {
            if (decoder == null) {
                decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            try {
                line = new SourceLine(source, record.offset(), decoder.reset().decode(ByteBuffer.wrap(value)).toString(), null);
            } catch (CharacterCodingException e) {
                line = new SourceLine(source, record.offset(), null, "invalid UTF-8");
            }
        }
        out.collect(new SourceChunk(new SourceLine[] {line}));
    }

    @Override
    public TypeInformation<SourceChunk> getProducedType() {
        return TypeInformation.of(SourceChunk.class);
    }
}
