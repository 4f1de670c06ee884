package org.promptcensus.plugins.googlenl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.promptcensus.api.Request;
import org.promptcensus.api.spi.Contribution;
import org.promptcensus.api.spi.Tagger;

/**
 * Turns Google Natural Language labels carried by records of the {@code google-nl} format (see
 * {@link Bridge}) into strong evidence for the mapped {@code usecase} category: weight
 * {@value #WEIGHT} for each category whose confidence reaches the study's cut-off of 0.5. Records
 * without the reserved message get nothing from this tagger.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
@Extension
public class GoogleNlTagger implements Tagger {
    /** Log-odds given to a mapped category: as strong as the usecase taxonomy's evidence cap. */
    public static final double WEIGHT = 6.0;
    /** The taxonomy the crosswalk maps onto. */
    public static final String TAXONOMY = "usecase";

    private final Crosswalk crosswalk;

    /** A tagger with the bundled crosswalk. */
    public GoogleNlTagger() {
        this(Crosswalk.bundled());
    }

    /** @param crosswalk the crosswalk to map with */
    public GoogleNlTagger(Crosswalk crosswalk) {
        this.crosswalk = crosswalk;
    }

    @Override
    public String id() {
        return "google-nl";
    }

    @Override
    public List<Contribution> tag(Request request, String lang) {
        Optional<List<NlCategory>> labels = Bridge.find(request);
        if (labels.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Contribution> out = new ArrayList<>();
        for (NlCategory c : labels.get()) {
            if (c.confident()) {
                String id = crosswalk.map(c.name());
                if (seen.add(id)) {
                    out.add(new Contribution(TAXONOMY, id, WEIGHT, "google-nl:" + c.name()));
                }
            }
        }
        return out;
    }
}
