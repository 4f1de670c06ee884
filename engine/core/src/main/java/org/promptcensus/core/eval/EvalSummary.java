package org.promptcensus.core.eval;

import java.util.List;

/**
 * Scores over a set of records.
 *
 * @param total records evaluated
 * @param correct records counted as correct: the predicted primary tag equals the gold primary
 *                label, or, multi-label, the tagged set equals the gold set
 * @param minSupport the support a category needs to count in the macro average
 * @param categories per-category scores, sorted by id
 * @param multiLabel whether the categories were scored on label sets ({@link MultiLabelTally})
 */
public record EvalSummary(long total, long correct, int minSupport, List<CategoryScore> categories, boolean multiLabel) {
    /** Copies the list. */
    public EvalSummary {
        categories = List.copyOf(categories);
    }

    /**
     * Scores of the primary tag.
     *
     * @param total records evaluated
     * @param correct records whose predicted primary tag equals the gold primary label
     * @param minSupport the support a category needs to count in the macro average
     * @param categories per-category scores
     */
    public EvalSummary(long total, long correct, int minSupport, List<CategoryScore> categories) {
        this(total, correct, minSupport, categories, false);
    }

    /** @return correct / total (exact-set accuracy for multi-label) */
    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /**
     * @return micro-averaged F1: every (record, category) decision pooled; for single-label primary
     *         tags this equals the accuracy
     */
    public double microF1() {
        if (!multiLabel) {
            return accuracy();
        }
        long c = categories.stream().mapToLong(CategoryScore::correct).sum();
        long gp = categories.stream().mapToLong(x -> x.support() + x.predicted()).sum();
        return gp == 0 ? 0 : 2.0 * c / gp;
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
