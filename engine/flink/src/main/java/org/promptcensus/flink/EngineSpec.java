package org.promptcensus.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.Tagger;
import org.promptcensus.core.Engine;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.OutputOptions;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.model.CategoryModel;
import org.promptcensus.core.plugin.PluginHost;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import org.promptcensus.core.taxonomy.TaxonomyResolver;

/**
 * How each parallel task builds its engine: the taxonomies, their folders, model files that
 * replace a taxonomy's bundled model, the plugins folder, field mappings and output options. Only
 * this description is shipped with the job graph; every task builds its own {@link Engine} from it
 * in {@code open()}, reading the paths on its own machine (so they must exist on every TaskManager).
 *
 * @param taxonomies taxonomy ids to tag with, in order
 * @param taxonomyDirs taxonomy folders searched before the bundled taxonomies
 * @param models model files by taxonomy id, replacing that taxonomy's model
 * @param pluginsDir the plugins folder, or null for none
 * @param fields field mappings ({@code NAME=PATH}) for other JSON Lines schemas
 * @param keepText copy the messages into the output
 * @param explain add the evidence behind each tag
 */
public record EngineSpec(List<String> taxonomies, List<String> taxonomyDirs, Map<String, String> models, String pluginsDir,
                         List<String> fields, boolean keepText, boolean explain) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists so the spec is immutable. */
    public EngineSpec {
        taxonomies = List.copyOf(taxonomies);
        taxonomyDirs = List.copyOf(taxonomyDirs);
        models = Map.copyOf(models);
        fields = List.copyOf(fields);
    }

    /** The engine and the plugins it holds; closing closes both. */
    public record Built(Engine engine, PluginHost plugins) implements AutoCloseable {
        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                plugins.close();
            }
        }
    }

    /**
     * Builds the engine as {@code census tag} does: plugins, then taxonomies (user folders first,
     * then plugins' and the bundled ones), then the model overrides.
     *
     * @param warn receives one line per plugin failure
     * @return the engine and its plugins
     */
    public Built build(Consumer<String> warn) {
        PluginHost plugins = PluginHost.load(pluginsDir == null ? null : Path.of(pluginsDir), TaxonomyResolver.BUNDLED, false, warn);
        try {
            List<Path> dirs = new ArrayList<>();
            taxonomyDirs.forEach(d -> dirs.add(Path.of(d)));
            TaxonomyResolver resolver = new TaxonomyResolver(dirs, EngineSpec.class.getClassLoader(), plugins.taxonomies());
            Engine.Builder b = Engine.builder();
            for (String id : taxonomies) {
                TaxonomyBundle bundle = resolver.resolve(id.trim());
                String model = models.get(id.trim());
                b.taxonomy(model == null ? bundle : bundle.withModel(readModel(bundle, model)));
            }
            for (Tagger t : plugins.taggers()) {
                b.tagger(t);
            }
            return new Built(b.build(), plugins);
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    private static CategoryModel readModel(TaxonomyBundle bundle, String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            CategoryModel model = CategoryModel.read(in, file);
            for (String c : model.categories()) {
                if (bundle.taxonomy().category(c).isEmpty()) {
                    throw new CensusException(ErrorCode.BAD_MODEL, file + ": model category '" + c + "' is not in taxonomy '"
                            + bundle.taxonomy().id() + "'");
                }
            }
            return model;
        } catch (IOException e) {
            throw new CensusException(ErrorCode.IO, file + ": " + e.getMessage(), e);
        }
    }

    /** @return the record parser, with the field mappings */
    public RecordParser parser() {
        return new RecordParser(FieldMapping.parse(fields));
    }

    /** @return what each output line holds */
    public OutputOptions outputOptions() {
        return new OutputOptions(keepText, explain);
    }
}
