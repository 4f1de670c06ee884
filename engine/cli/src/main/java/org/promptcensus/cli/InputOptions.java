package org.promptcensus.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import org.promptcensus.api.spi.InputFormat;
import org.promptcensus.core.io.FieldMapping;
import org.promptcensus.core.io.InputFiles;
import org.promptcensus.core.io.RecordParser;
import org.promptcensus.core.io.formats.CanonicalFormat;
import org.promptcensus.core.io.formats.FormatRegistry;
import picocli.CommandLine.Option;

/**
 * Options that say how to read the input: its format (another tool's log format, or the canonical
 * JSON Lines, told from the first input's head by default), the CSV text column, and field mappings.
 */
final class InputOptions {
    static {
        System.setProperty("census.fieldNames", String.join(", ", FieldMapping.NAMES));
        System.setProperty("census.formatNames", String.join(", ", FormatRegistry.builtIn().names()));
    }

    @Option(names = "--input-format", paramLabel = "NAME",
            description = "The input's format: auto (the default: told from the first input) or one of ${sys:census.formatNames}.")
    String format;

    @Option(names = "--text-column", paramLabel = "NAME",
            description = "Read CSV with a header row; the prompt is in this column (an 'id' column is used when present).")
    String textColumn;

    @Option(names = "--field", paramLabel = "NAME=PATH",
            description = "Map a field of another JSON Lines schema onto a canonical name, e.g. user=metadata.user_id. Names: ${sys:census.fieldNames}.")
    List<String> fields = new ArrayList<>();

    /** @return the parser for canonical records, with the field mappings */
    RecordParser parser() {
        return new RecordParser(FieldMapping.parse(fields));
    }

    /**
     * Chooses the input format and opens the inputs.
     *
     * @param files the inputs ({@code -} or none: stdin)
     * @param stdin standard input
     * @param alias the value of a command's own {@code --format} for the input, or null
     * @param option the option that names the input format in messages ({@code --format} for
     *               {@code census tag}, {@code --input-format} where {@code --format} is the output's)
     * @param pluginFormats input formats that plugins provide
     * @param note receives a line naming the format when it was detected, and plugin formats that clash
     * @return the records
     */
    InputFiles open(List<String> files, InputStream stdin, String alias, String option, List<InputFormat> pluginFormats,
                     Consumer<String> note) {
        String name = alias != null ? alias : format != null ? format : "auto";
        boolean auto = name.equalsIgnoreCase("auto");
        if (textColumn != null) {
            if (!auto && !name.equalsIgnoreCase(CanonicalFormat.NAME)) {
                throw new CensusException(ErrorCode.BAD_USAGE, "--text-column reads CSV; it cannot be used with " + option + " " + name);
            }
            return new InputFiles(files, stdin, textColumn, null);
        }
        FormatRegistry registry = FormatRegistry.builtIn();
        for (InputFormat f : pluginFormats) {
            try {
                registry.register(f);
            } catch (CensusException e) {
                note.accept(e.getMessage() + ": the plugin's format is not used");
            }
        }
        InputStream in = stdin;
        InputFormat chosen;
        if (auto) {
            String first = files.isEmpty() ? "-" : files.get(0);
            String head;
            if (first.equals("-")) {
                in = stdin.markSupported() ? stdin : new BufferedInputStream(stdin, FormatRegistry.HEAD_CHARS + 1);
                try {
                    head = FormatRegistry.head(in);
                } catch (IOException e) {
                    throw new CensusException(ErrorCode.IO, "-: " + e.getMessage(), e);
                }
            } else {
                head = FormatRegistry.head(Path.of(first));
            }
            try {
                chosen = registry.detect(head, first.equals("-") ? "stdin" : first);
            } catch (CensusException e) {
                throw new CensusException(e.code(), e.getMessage().replace("use --format NAME", "use " + option + " NAME"));
            }
            if (!(chosen instanceof CanonicalFormat)) {
                note.accept("reading " + (first.equals("-") ? "stdin" : first) + (files.size() > 1 ? " and the other inputs" : "")
                        + " as " + chosen.name() + " (detected; choose with " + option + " NAME)");
            }
        } else {
            chosen = registry.require(name);
        }
        if (chosen instanceof CanonicalFormat) {
            return new InputFiles(files, in, null, null); // the canonical reader, with --field and tagged records
        }
        if (!fields.isEmpty()) {
            throw new CensusException(ErrorCode.BAD_USAGE, "--field maps fields of canonical JSON Lines; the "
                    + chosen.name() + " format reads its own fields");
        }
        return new InputFiles(files, in, null, chosen);
    }
}
