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
 * @param labels how its gold labels are meant (single- or multi-label), which decides its evaluation
 * @param training how its shipped model is trained
 */
public record Taxonomy(String id, int version, String description, String fallback, List<Category> categories,
                       List<CategoryRules> rules, FusionSettings fusion, String origin, LabelScheme labels,
                       TrainingSettings training) {
    /** Copies the lists; null scheme and settings take the defaults. */
    public Taxonomy {
        categories = List.copyOf(categories);
        rules = List.copyOf(rules);
        labels = labels == null ? LabelScheme.SINGLE : labels;
        training = training == null ? TrainingSettings.DEFAULT : training;
    }

    /**
     * A single-label taxonomy with default training settings.
     *
     * @param id the taxonomy id
     * @param version its version
     * @param description what it classifies
     * @param fallback the fallback category, or null
     * @param categories the categories
     * @param rules the rules
     * @param fusion the fusion settings
     * @param origin where it was loaded from
     */
    public Taxonomy(String id, int version, String description, String fallback, List<Category> categories,
                    List<CategoryRules> rules, FusionSettings fusion, String origin) {
        this(id, version, description, fallback, categories, rules, fusion, origin, LabelScheme.SINGLE, TrainingSettings.DEFAULT);
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
