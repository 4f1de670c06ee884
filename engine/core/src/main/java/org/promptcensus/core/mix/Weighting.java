package org.promptcensus.core.mix;

import java.util.Locale;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;

/** What a share is a share of: tokens (prompt + completion, the default, as the usage study) or requests. */
public enum Weighting {
    /** Token-weighted shares. */
    TOKENS,
    /** Request-weighted shares. */
    REQUESTS;

    /**
     * @param name {@code tokens} or {@code requests}
     * @return the weighting
     */
    public static Weighting parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CensusException(ErrorCode.BAD_USAGE, "unknown weighting '" + name + "'; use tokens or requests");
        }
    }
}
