package org.promptcensus.api;

import java.util.Objects;

/**
 * A category of a taxonomy.
 *
 * @param id the id, {@code parent/child} for subcategories
 * @param description what belongs here, one or two sentences
 * @param threshold the fused score a request needs to carry this tag, in (0, 1)
 */
public record Category(String id, String description, double threshold) {
    /** Validates the components. */
    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (!id.matches("[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?")) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY,
                    "category id '" + id + "' must be lower-case [a-z0-9_], optionally parent/child");
        }
        if (!(threshold > 0.0 && threshold < 1.0)) {
            throw new CensusException(ErrorCode.BAD_TAXONOMY,
                    "category '" + id + "': threshold must be in (0, 1), got " + threshold);
        }
    }

    /** @return the parent id of a subcategory, or the id itself */
    public String parentId() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** @return true for a {@code parent/child} id */
    public boolean isSubcategory() {
        return id.indexOf('/') >= 0;
    }
}
