package org.promptcensus.core.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.model.CategoryModel;

/**
 * A taxonomy with its trained model, if it has one.
 *
 * @param taxonomy the taxonomy
 * @param model its model, or empty for a rules-only taxonomy
 */
public record TaxonomyBundle(Taxonomy taxonomy, Optional<CategoryModel> model) {

    /** The classpath folder under which taxonomy jars put their taxonomies. */
    public static final String CLASSPATH_BASE = "org/promptcensus/taxonomies";

    /**
     * Loads a taxonomy and its {@code model.bin}.
     *
     * @param source where it is
     * @return the bundle
     */
    public static TaxonomyBundle load(TaxonomySource source) {
        Taxonomy taxonomy = new TaxonomyLoader().load(source);
        String where = source.describe(TaxonomyLoader.MODEL);
        try (InputStream in = source.open(TaxonomyLoader.MODEL).orElse(null)) {
            if (in == null) {
                return new TaxonomyBundle(taxonomy, Optional.empty());
            }
            CategoryModel model = CategoryModel.read(in, where);
            for (String c : model.categories()) {
                if (taxonomy.category(c).isEmpty()) {
                    throw new CensusException(ErrorCode.BAD_MODEL, where + ": model category '" + c
                            + "' is not in taxonomy '" + taxonomy.id() + "'; retrain with `census train`");
                }
            }
            return new TaxonomyBundle(taxonomy, Optional.of(model));
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a taxonomy shipped on the classpath (in a taxonomy jar).
     *
     * @param loader the class loader
     * @param id the taxonomy id
     * @return the bundle, or empty when no such taxonomy is on the classpath
     */
    public static Optional<TaxonomyBundle> fromClasspath(ClassLoader loader, String id) {
        String base = CLASSPATH_BASE + "/" + id;
        if (loader.getResource(base + "/" + TaxonomyLoader.DEFINITION) == null) {
            return Optional.empty();
        }
        return Optional.of(load(TaxonomySource.classpath(loader, base)));
    }
}
