package org.promptcensus.core.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.rules.CompiledRules;

/**
 * A taxonomy with its trained model and its compiled rules, if it has them.
 *
 * @param taxonomy the taxonomy
 * @param model its model, or empty for a rules-only taxonomy
 * @param compiledRules its rule queries as parsed at build time ({@value CompiledRules#FILE}), or
 *        empty: the rules are then parsed at start-up (the same result, more slowly)
 */
public record TaxonomyBundle(Taxonomy taxonomy, Optional<CategoryModel> model, Optional<CompiledRules> compiledRules) {

    /**
     * A bundle without compiled rules.
     *
     * @param taxonomy the taxonomy
     * @param model its model, or empty
     */
    public TaxonomyBundle(Taxonomy taxonomy, Optional<CategoryModel> model) {
        this(taxonomy, model, Optional.empty());
    }

    /**
     * @param replacement another model for this taxonomy
     * @return this bundle with that model
     */
    public TaxonomyBundle withModel(CategoryModel replacement) {
        return new TaxonomyBundle(taxonomy, Optional.of(replacement), compiledRules);
    }

    /** The classpath folder under which taxonomy jars put their taxonomies. */
    public static final String CLASSPATH_BASE = "org/promptcensus/taxonomies";

    /**
     * Loads a taxonomy, its {@code model.bin} and its compiled rules.
     *
     * @param source where it is
     * @return the bundle
     */
    public static TaxonomyBundle load(TaxonomySource source) {
        Taxonomy taxonomy = new TaxonomyLoader().load(source);
        Optional<CompiledRules> compiled = compiledRules(source);
        String where = source.describe(TaxonomyLoader.MODEL);
        try (InputStream in = source.open(TaxonomyLoader.MODEL).orElse(null)) {
            if (in == null) {
                return new TaxonomyBundle(taxonomy, Optional.empty(), compiled);
            }
            CategoryModel model = CategoryModel.read(in, where);
            for (String c : model.categories()) {
                if (taxonomy.category(c).isEmpty()) {
                    throw new CensusException(ErrorCode.BAD_MODEL, where + ": model category '" + c
                            + "' is not in taxonomy '" + taxonomy.id() + "'; retrain with `census train`");
                }
            }
            return new TaxonomyBundle(taxonomy, Optional.of(model), compiled);
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, where + ": " + e.getMessage(), e);
        }
    }

    private static Optional<CompiledRules> compiledRules(TaxonomySource source) {
        String where = source.describe(CompiledRules.FILE);
        try (InputStream in = source.open(CompiledRules.FILE).orElse(null)) {
            return in == null ? Optional.empty() : Optional.of(CompiledRules.read(new java.io.BufferedInputStream(in, 1 << 16), where));
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
