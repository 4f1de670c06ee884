package org.promptcensus.flink;

import java.io.Serializable;
import java.nio.file.Path;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.Facet;
import org.promptcensus.core.mix.LabelMode;
import org.promptcensus.core.mix.MixSpec;
import org.promptcensus.core.mix.Period;
import org.promptcensus.core.mix.Weighting;

/**
 * The mix to compute, as the options of {@code census mix} spell it; shipped with the job graph
 * and turned into a {@link MixSpec} in each task. Validated when constructed, on the client.
 *
 * @param taxonomy the taxonomy whose tags are rolled up
 * @param by the grouping ({@code model}, {@code author}, ...)
 * @param period {@code all}, {@code week} or {@code month} (the batch mix; windows use {@code all} inside each window)
 * @param facet what each group is split into
 * @param weight {@code tokens} or {@code requests}
 * @param labels {@code primary} or {@code split}
 * @param privacyK cells with fewer distinct users are suppressed (0 disables)
 * @param catalog a user model catalog (YAML), or null
 */
public record MixSettings(String taxonomy, String by, String period, String facet, String weight, String labels, int privacyK,
                          String catalog) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks every component parses. */
    public MixSettings {
        spec(taxonomy, by, period, facet, weight, labels, privacyK);
    }

    /** @return the spec of the batch mix */
    public MixSpec spec() {
        return spec(taxonomy, by, period, facet, weight, labels, privacyK);
    }

    /** @return the spec of each window's mix: the same, over the whole window */
    public MixSpec windowSpec() {
        return spec(taxonomy, by, "all", facet, weight, labels, privacyK);
    }

    /** @return the model catalog (the user's first, then the bundled one) */
    public ModelCatalog loadCatalog() {
        return ModelCatalog.load(catalog == null ? null : Path.of(catalog), MixSettings.class.getClassLoader());
    }

    private static MixSpec spec(String taxonomy, String by, String period, String facet, String weight, String labels, int k) {
        return new MixSpec(taxonomy, Dimension.parse(by), Period.parse(period), Facet.parse(facet), Weighting.parse(weight),
                LabelMode.parse(labels), k);
    }
}
