package org.promptcensus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.promptcensus.core.catalog.ModelCatalog;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.mix.Dimension;
import org.promptcensus.core.mix.MixRun;
import org.promptcensus.core.mix.Retention;
import org.promptcensus.core.run.LazyEngine;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code census retention}: cohort retention per model. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Retention by cohort: for each model, users grouped by the month of first use; the share of each "
                + "cohort active in month 1..N, and the share that lapsed for a month or more and came back.", "",
                "Needs records with user ids and timestamps. Cohorts with fewer than --min-users users are left out (privacy floor).", ""})
final class RetentionCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "FILE", description = "Logs or tagged files; '-' or none for stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = "--by", defaultValue = "model", description = "Group by (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--min-users", defaultValue = "10", description = "Leave out smaller cohorts (default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your model catalog (YAML).")
    Path catalog;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Tagging threads for untagged input.")
    Integer threads;

    @Mixin
    InputOptions inputOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = root.streams.out();
        Retention retention = new Retention(Dimension.parse(by));
        RunSummary summary;
        try (LazyEngine engine = engineOptions.lazy(root.streams.err());
             InputFiles in = inputOptions.open(files, root.streams.in(), null, "--input-format",
                engineOptions.plugins(root.streams.err()).formats(), n -> root.streams.err().println("census: " + n))) {
            TagRun tagRun = new TagRun(engine, inputOptions.parser(),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), false, false);
            summary = new MixRun(tagRun, ModelCatalog.load(catalog, getClass().getClassLoader())).add(retention::add)
                    .run(in, s -> root.streams.err().println("census: " + s.describe()));
        }
        List<Retention.Cohort> cohorts = retention.cohorts(minUsers);
        if (format.equals("json")) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = m.createArrayNode();
            for (Retention.Cohort c : cohorts) {
                ObjectNode o = arr.addObject();
                o.put("group", c.group());
                o.put("cohort", c.cohort().toString());
                o.put("users", c.users());
                ArrayNode a = o.putArray("active");
                c.active().forEach(a::add);
                ArrayNode r = o.putArray("returned");
                c.returned().forEach(r::add);
            }
            out.println(m.writeValueAsString(arr));
        } else {
            out.printf("%-40s %-8s %6s  %s%n", "group", "cohort", "users", "active in month 0, 1, 2, ... (returned after a lapse)");
            for (Retention.Cohort c : cohorts) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < c.active().size(); i++) {
                    sb.append(String.format("%4.0f%%", 100 * c.active().get(i)));
                    if (c.returned().get(i) > 0) {
                        sb.append(String.format("(%.0f)", 100 * c.returned().get(i)));
                    }
                }
                String g = c.group().length() > 40 ? c.group().substring(0, 39) + "…" : c.group();
                out.printf("%-40s %-8s %6d %s%n", g, c.cohort(), c.users(), sb);
            }
        }
        root.streams.err().println("census: " + summary.describe());
        return ExitCodes.OK;
    }
}
