package org.promptcensus.core.taxonomy;

import java.util.List;
import java.util.Optional;
import org.promptcensus.api.Category;

/**
 * A loaded taxonomy: its categories, their rules, fusion settings and, optionally, the bytes of
 * its trained model. Immutable.
 *
 * @param id the taxonomy id
 * @param version its version
 * @param description what it classifies
 * @param fallback the category given when nothing passes its threshold (e.g. {@code other})
 * @param categories the categories, fallback included
 * @param rules the rules of each category that has any
 * @param fusion how evidence combines
 * @param origin where it was loaded from (for messages)
 */
public record Taxonomy(String id, int version, String description, String fallback, List<Category> categories,
                       List<CategoryRules> rules, FusionSettings fusion, String origin) {
    /** Copies the lists. */
    public Taxonomy {
        categories = List.copyOf(categories);
        rules = List.copyOf(rules);
    }

    /**
     * @param categoryId a category id
     * @return the category
     */
    public Optional<Category> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    /** @return the category ids in definition order */
    public List<String> categoryIds() {
        return categories.stream().map(Category::id).toList();
    }

    /** @return the number of rules over all categories */
    public int ruleCount() {
        return rules.stream().mapToInt(r -> r.rules().size()).sum();
    }
}
