package org.promptcensus.flink;

/**
 * One tagged record as it crosses the network: its JSON line exactly as {@code census tag} writes
 * it, with the two things the windowed mixes need read off once: its group (the mix's grouping,
 * e.g. the catalog model) and its event time. A Flink POJO.
 */
public final class TaggedLine {
    /** {@link #eventTime} of a record without a {@code created} time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** The record id. */
    public String id;
    /** The mix group of the record (by default its model, as the model catalog names it). */
    public String group;
    /** The request time in epoch milliseconds, or {@link #NO_TIME}. */
    public long eventTime;
    /** The tagged record, one JSON line without the newline. */
    public String json;

    /** For Flink's serializer. */
    public TaggedLine() {
    }

    /**
     * @param id the record id
     * @param group its mix group
     * @param eventTime its time in epoch milliseconds, or {@link #NO_TIME}
     * @param json the tagged JSON line
     */
    public TaggedLine(String id, String group, long eventTime, String json) {
        this.id = id;
        this.group = group;
        this.eventTime = eventTime;
        this.json = json;
    }
}
