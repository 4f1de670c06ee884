package org.promptcensus.core.eval;

import java.util.Map;

/**
 * The result of evaluating one taxonomy against labelled records.
 *
 * @param taxonomy the taxonomy id
 * @param overall scores over every record
 * @param confusion gold x predicted counts
 * @param byLanguage scores per detected language
 * @param bySource scores per source (dataset or file)
 * @param skipped records that could not be tagged
 */
public record EvalReport(String taxonomy, EvalSummary overall, ConfusionMatrix confusion,
                         Map<String, EvalSummary> byLanguage, Map<String, EvalSummary> bySource, long skipped) {
}
