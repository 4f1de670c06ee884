package org.promptcensus.core.eval;

import java.util.List;

/**
 * Scores over a set of records.
 *
 * @param total records evaluated
 * @param correct records whose predicted primary tag equals the gold primary label
 * @param minSupport the support a category needs to count in the macro average
 * @param categories per-category scores, sorted by id
 */
public record EvalSummary(long total, long correct, int minSupport, List<CategoryScore> categories) {
    /** Copies the list. */
    public EvalSummary {
        categories = List.copyOf(categories);
    }

    /** @return correct / total; equals micro-averaged F1 for single-label primary tags */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** @return micro-averaged F1 (every record one decision) */
    public double microF1() {
        return accuracy();
    }

    /** @return the unweighted mean F1 over categories with at least {@code minSupport} gold records */
    public double macroF1() {
        return macroCategories().stream().mapToDouble(CategoryScore::f1).average().orElse(0);
    }

    /** @return the categories counted in the macro average */
    public List<CategoryScore> macroCategories() {
        return categories.stream().filter(c -> c.support() >= minSupport && c.support() > 0).toList();
    }
}
