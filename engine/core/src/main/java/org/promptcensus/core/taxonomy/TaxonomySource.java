package org.promptcensus.core.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a taxonomy's files are: a directory, or a package on the classpath (a taxonomy jar).
 * Layout: {@code taxonomy.yaml}, {@code rules/<category>.yaml}, optional {@code model.bin}.
 */
public interface TaxonomySource {
    /**
     * @param relativePath a path inside the taxonomy, with {@code /} separators
     * @return the open file, or empty when it does not exist
     * @throws IOException when it exists but cannot be opened
     */
    Optional<InputStream> open(String relativePath) throws IOException;

    /**
     * @param relativePath a path inside the taxonomy
     * @return a description for messages, e.g. the file's path
     */
    String describe(String relativePath);

    /**
     * @param dir a taxonomy directory
     * @return its source
     */
    static TaxonomySource directory(Path dir) {
        return new TaxonomySource() {
            @Override
            public Optional<InputStream> open(String relativePath) throws IOException {
                Path p = dir.resolve(relativePath);
                return Files.isRegularFile(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
            }

            @Override
            public String describe(String relativePath) {
                return dir.resolve(relativePath).toString();
            }
        };
    }

    /**
     * @param loader the class loader holding the taxonomy
     * @param base the resource folder, e.g. {@code org/promptcensus/taxonomies/usecase}
     * @return its source
     */
    static TaxonomySource classpath(ClassLoader loader, String base) {
        return new TaxonomySource() {
            @Override
            public Optional<InputStream> open(String relativePath) {
                return Optional.ofNullable(loader.getResourceAsStream(base + "/" + relativePath));
            }

            @Override
            public String describe(String relativePath) {
                return "classpath:" + base + "/" + relativePath;
            }
        };
    }
}
