package org.promptcensus.core.taxonomy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/**
 * How a taxonomy's gold labels are meant, declared as {@code labels:} in {@code taxonomy.yaml};
 * it decides how {@code census eval} scores the taxonomy.
 */
public enum LabelScheme {
    /**
     * One category per request, the first label is the primary one (the default, e.g. {@code usecase}).
     * Evaluated on the primary tag; records with empty labels are left out.
     */
    SINGLE("single-label"),
    /**
     * Any number of categories per request, and an empty list means "none of them" (e.g. {@code safety}).
     * Evaluated per category on the set of tags (the fallback category is not a label); records with
     * empty labels count, so false alarms on clean requests are measured.
     */
    MULTI("multi-label");

    private final String yamlName;

    LabelScheme(String yamlName) {
        this.yamlName = yamlName;
    }

    /** @return the name used in {@code taxonomy.yaml} */
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    /**
     * @param name {@code single-label} or {@code multi-label}
     * @return the scheme
     * @throws CensusException BAD_TAXONOMY for another name
     */
    @JsonCreator
    public static LabelScheme of(String name) {
        for (LabelScheme s : values()) {
            if (s.yamlName.equals(name)) {
                return s;
            }
        }
        throw new CensusException(ErrorCode.BAD_TAXONOMY, "labels: '" + name + "' is not single-label or multi-label");
    }
}
