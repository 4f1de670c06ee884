package org.promptcensus.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the streaming job reads and writes, and its event-time policy.
 *
 * @param bootstrapServers the Kafka brokers
 * @param inputTopic requests, one JSON object per record
 * @param outputTopic tagged records, one JSON line per record (key: the record id)
 * @param mixTopic windowed mixes, one JSON document per window and group
 * @param deadLetterTopic bad records and records too late for their window, with the reason
 * @param groupId the consumer group (offsets are committed on checkpoints)
 * @param transactionalIdPrefix prefix of the Kafka transactional ids (unique per job on a cluster)
 * @param windows window names: {@code hour}, {@code day}, {@code week} (weeks start Monday 00:00 UTC)
 * @param outOfOrderness how far behind the newest event time a record may be and still be on time
 * @param allowedLateness how long after a window's end a late record still updates its mix
 * @param idleTimeout after this long without records a source split stops holding the watermark back
 * @param checkpointInterval how often Flink checkpoints (and Kafka transactions commit)
 * @param kafkaProperties extra Kafka client properties for the source and the sinks
 */
public record StreamOptions(String bootstrapServers, String inputTopic, String outputTopic, String mixTopic, String deadLetterTopic,
                            String groupId, String transactionalIdPrefix, List<String> windows, Duration outOfOrderness,
                            Duration allowedLateness, Duration idleTimeout, Duration checkpointInterval,
                            Map<String, String> kafkaProperties) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates and copies. */
    public StreamOptions {
        windows = List.copyOf(windows);
        kafkaProperties = Map.copyOf(kafkaProperties);
        for (String w : windows) {
            if (!List.of("hour", "day", "week").contains(w)) {
                throw Args.usage("--windows takes hour, day and week, got '" + w + "'");
            }
        }
    }

    /**
     * @param window a window name
     * @return its length
     */
    public static Duration size(String window) {
        return switch (window) {
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
    }

    /**
     * @param window a window name
     * @return its offset from the epoch: weeks start on Monday (the epoch was a Thursday), as {@code census mix --period week}
     */
    public static Duration offset(String window) {
        return window.equals("week") ? Duration.ofDays(4) : Duration.ZERO;
    }
}
