package org.promptcensus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code census} command: subcommands are verbs. */
@Command(name = "census", mixinStandardHelpOptions = true, version = "census 0.1.0",
        description = {"Tag requests sent to language models with use-case and other taxonomies, "
                + "and measure how well it does.", ""},
        subcommands = {TagCommand.class, MixCommand.class, RetentionCommand.class, SimulateCommand.class, TrainCommand.class, EvalCommand.class, TaxonomyCommand.class, PluginsCommand.class, ServeCommand.class, ReportCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  census tag corpora/samples/requests.jsonl",
                "  census tag --text \"write a haiku about autumn\"",
                "  census eval --gold labelled.jsonl",
                "", "Exit codes: 0 ok, 1 failure, 2 bad usage or bad input under --strict."})
public final class CensusCommand implements Runnable {
    final Streams streams;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;

    CensusCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(streams.err());
    }
}
