package org.promptcensus.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Provides a taxonomy from a plugin: its definition ({@code taxonomy.yaml}), its rules
 * ({@code rules/<category>.yaml}) and optionally a trained model ({@code model.bin}), read as files
 * of one folder. The simplest provider keeps them as resources of the plugin jar:
 * <pre>{@code
 * @Extension
 * public class MyTaxonomy implements TaxonomyProvider {
 *     public String id() { return "mine"; }
 *     public Optional<InputStream> open(String path) {
 *         return Optional.ofNullable(getClass().getResourceAsStream("/taxonomy/" + path));
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: called once while the engine is built.
 */
public interface TaxonomyProvider extends ExtensionPoint {
    /** @return the taxonomy id; it must equal the id inside {@code taxonomy.yaml} and be unique */
    String id();

    /**
     * @param path a path inside the taxonomy folder, with {@code /} separators
     * @return the file, or empty when it does not exist
     * @throws IOException when it exists but cannot be read
     */
    Optional<InputStream> open(String path) throws IOException;
}
