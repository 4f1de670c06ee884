package org.promptcensus.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.promptcensus.api.Category;
import org.promptcensus.core.Engine;
import org.promptcensus.core.taxonomy.CategoryRules;
import org.promptcensus.core.taxonomy.RuleDefinition;
import org.promptcensus.core.taxonomy.Taxonomy;
import org.promptcensus.core.taxonomy.TaxonomyBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code census taxonomy}: list taxonomies, or show one's categories and rules (and check that they compile). */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = {"List the available taxonomies, or show one: categories, thresholds, rule counts, model.", "",
                "Showing a taxonomy compiles its rules, so it doubles as a check of a taxonomy being written.", ""})
final class TaxonomyCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The taxonomy to show.")
    String id;

    @Option(names = "--rules", description = "Also print every rule.")
    boolean rules;

    @Override
    public Integer call() {
        PrintStream out = root.streams.out();
        var resolver = engineOptions.resolver(root.streams.err());
        if (id == null) {
            for (String t : resolver.available()) {
                Taxonomy tax = resolver.resolve(t).taxonomy();
                out.printf("%-12s v%d  %2d categories  %4d rules  %s%n", tax.id(), tax.version(), tax.categories().size(),
                        tax.ruleCount(), tax.description());
            }
            return ExitCodes.OK;
        }
        TaxonomyBundle bundle = resolver.resolve(id);
        Taxonomy t = bundle.taxonomy();
        try (Engine ignored = Engine.builder().taxonomy(bundle).build()) {
            out.printf("%s v%d: %s%n", t.id(), t.version(), t.description());
            out.printf("from %s; model: %s; fallback: %s; rules compiled: %d%n%n", t.origin(),
                    bundle.model().isPresent() ? "yes" : "none (rules only)", t.fallback(), t.ruleCount());
            out.printf("%-20s %9s %6s  %s%n", "category", "threshold", "rules", "description");
            for (Category c : t.categories()) {
                int n = t.rules().stream().filter(r -> r.category().equals(c.id())).mapToInt(r -> r.rules().size()).sum();
                out.printf("%-20s %9.2f %6d  %s%n", c.id(), c.threshold(), n, c.description());
            }
            if (rules) {
                for (CategoryRules cr : t.rules()) {
                    out.println();
                    for (RuleDefinition r : cr.rules()) {
                        out.printf("%s:%s %+.1f %s %s%n", cr.category(), r.id(), r.weight(),
                                r.lang().isEmpty() ? "" : r.lang(), r.query());
                    }
                }
            }
        }
        return ExitCodes.OK;
    }
}
