package org.promptcensus.api.spi;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.promptcensus.api.Request;

/**
 * A custom classification stage: looks at a request and contributes evidence to categories of any
 * loaded taxonomy, on top of the taxonomy's rules and model.
 *
 * <p>Thread-safety: {@link #tag} is called from many threads at once on one instance; it must be
 * thread-safe and should be deterministic. A tagger that throws on a record loses only its own
 * evidence for that record; the record keeps the other stages' tags and is counted.
 */
public interface Tagger extends ExtensionPoint {
    /** @return a stable id, used in explanations and error messages */
    String id();

    /**
     * @param request the request (its text is the raw text; classify it as you need)
     * @param lang the language the engine detected
     * @return evidence, possibly empty
     */
    List<Contribution> tag(Request request, String lang);
}
