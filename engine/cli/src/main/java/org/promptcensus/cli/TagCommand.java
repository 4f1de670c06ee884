package org.promptcensus.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.promptcensus.core.io.NonClosingOutputStream;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.Request;
import org.promptcensus.api.TaggedRequest;
import org.promptcensus.core.Engine;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.OutputOptions;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.TaggedWriter;
import org.promptcensus.core.run.Outcome;
import org.promptcensus.core.run.RunSummary;
import org.promptcensus.core.run.TagRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code census tag}: tag requests and write one JSON line per record, in input order. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag requests with use-case (and other) categories.", "",
                "Reads JSON Lines (plain or .gz) from FILEs or stdin: {\"text\"|\"prompt\": ...}, OpenAI chat "
                        + "requests {\"messages\": [...]}, ShareGPT {\"conversations\": [...]}, and gateway records "
                        + "wrapping {\"request\": {...}} with metadata (id, model, created, user, usage, finish_reason, tools). "
                        + "CSV with --text-column. Other tools' logs (LiteLLM, Langfuse, OpenAI batch and stored completions, "
                        + "Anthropic, Gemini, OTel GenAI spans, OpenRouter, Helicone, Portkey) with --format NAME; the format "
                        + "is detected from the first input when that is unambiguous. Records without prompt text are tagged 'unknown'.",
                "Writes one JSON line per record, in input order: {\"id\", \"lang\", \"tags\": {\"usecase\": "
                        + "[{\"id\", \"score\"}, ...]}, ...metadata}. Prompt text is not copied unless --keep-text.",
                "Bad records are reported on stderr with file and line, counted, and skipped.", ""},
        footer = {"", "Examples:", "  census tag requests.jsonl -o tagged.jsonl",
                "  census tag --format langfuse trace-export.json",
                "  census tag --format openai-batch batch_input.jsonl batch_output.jsonl",
                "  zcat logs.jsonl.gz | census tag --field user=metadata.user_id --threads 4",
                "  census tag --text \"act as a linux terminal\" --explain"})
final class TagCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(paramLabel = "FILE", description = "Input files; '-' or none for stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = "--text", paramLabel = "TEXT", description = "Tag this text and print a readable table with the evidence.")
    String text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results here instead of stdout.")
    Path output;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--format", paramLabel = "NAME",
            description = "The input's format, as --input-format: auto (the default) or one of ${sys:census.formatNames}.")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Tagging threads (default: the number of cores). Output order is kept.")
    Integer threads;

    @Option(names = "--explain", description = "Add the evidence behind each tag (rule ids, model probability and top features).")
    boolean explain;

    @Option(names = "--keep-text", description = "Copy the request's messages into the output (off by default, for privacy).")
    boolean keepText;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on stderr (errors are still reported).")
    boolean quiet;

    @Option(names = "--max-errors-shown", paramLabel = "N", defaultValue = "100", description = "Report at most N bad records one by one (default: ${DEFAULT-VALUE}); all are counted.")
    int maxErrorsShown;

    @Override
    public Integer call() throws Exception {
        PrintStream err = root.streams.err();
        if (text != null) {
            if (!files.isEmpty()) {
                throw new CensusException(ErrorCode.BAD_USAGE, "give either --text or input files, not both");
            }
            try (Engine engine = engineOptions.build(root.streams.err())) {
                TaggedRequest t = engine.tag(Request.ofText("text", text), true);
                new TagTable(root.streams.out()).print(t);
            }
            return ExitCodes.OK;
        }
        RecordParser parser = inputOptions.parser();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        try (Engine engine = engineOptions.build(root.streams.err());
             InputFiles in = inputOptions.open(files, root.streams.in(), format, "--format", engineOptions.plugins(err).formats(), n2 -> {
                 if (!quiet) {
                     err.println("census: " + n2);
                 }
             });
             OutputStream out = output == null ? new NonClosingOutputStream(root.streams.out()) : new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
             TaggedWriter writer = new TaggedWriter(out, new OutputOptions(keepText, explain))) {
            if (!quiet) {
                err.printf("census: engine ready in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, String.join(", ", engineOptions.taxonomies));
            }
            Progress progress = new Progress(err, !quiet && System.console() != null);
            Set<String> reportedFields = new HashSet<>();
            long[] shown = {0};
            long[] withoutText = {0};
            TagRun run = new TagRun(engine, parser, n, engineOptions.strict, explain);
            RunSummary summary = run.run(in, o -> {
                if (o instanceof Outcome.Tagged t) {
                    writer.write(t.tagged());
                    if (t.tagged().warnings().contains(TagRun.NO_PROMPT_TEXT)) {
                        withoutText[0]++;
                    }
                    for (String f : t.unknownFields()) {
                        if (reportedFields.size() < 50 && reportedFields.add(f)) {
                            err.println("census: " + t.raw().where() + ": unknown field '" + f + "' ignored (reported once)");
                        }
                    }
                    if (t.tagged().warnings().contains("text_truncated") && t.originalChars() > 1_000_000 && shown[0]++ < maxErrorsShown) {
                        err.printf("census: %s: id %s: %,d characters; classified on a bounded selection%n",
                                t.raw().where(), t.tagged().request().id(), t.originalChars());
                    }
                } else if (o instanceof Outcome.Skipped s) {
                    if (shown[0]++ < maxErrorsShown) {
                        err.println("census: " + s.describe());
                    }
                }
                progress.tick();
            });
            writer.flush();
            progress.done();
            engineOptions.plugins(err).taggerFailures().forEach(line -> err.println("census: " + line));
            if (!quiet) {
                if (withoutText[0] > 0) {
                    err.printf("census: %,d records have no prompt text (metadata only): tagged '%s' with warning %s%n",
                            withoutText[0], TagRun.UNKNOWN_CATEGORY, TagRun.NO_PROMPT_TEXT);
                }
                err.println("census: " + summary.describe());
            }
        }
        return ExitCodes.OK;
    }
}
