package org.promptcensus.core.run;

import java.util.List;
import java.util.Set;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.io.RawRecord;

/** What became of one input record. */
public sealed interface Outcome {
    /** @return the record's place in the input */
    RawRecord raw();

    /**
     * The record was tagged.
     *
     * @param raw its place in the input
     * @param tagged the result
     * @param unknownFields top-level fields the reader ignored
     * @param originalChars the length of its text before truncation
     */
    record Tagged(RawRecord raw, TaggedRequest tagged, Set<String> unknownFields, long originalChars) implements Outcome {
    }

    /**
     * The record was skipped.
     *
     * @param raw its place in the input
     * @param id its id when it could be read, else null
     * @param code why
     * @param message one line
     */
    record Skipped(RawRecord raw, String id, ErrorCode code, String message) implements Outcome {
        /** @return {@code file:line: [id X: ]message} */
        public String describe() {
            return raw.where() + ": " + (id == null ? "" : "id " + id + ": ") + message;
        }
    }

    /** @return warnings to show for this record */
    default List<String> notes() {
        return List.of();
    }
}
