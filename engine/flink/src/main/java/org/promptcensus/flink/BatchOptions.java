package org.promptcensus.flink;

import java.io.Serializable;
import java.util.List;

/**
 * Where the batch job reads and writes.
 *
 * @param inputs files or folders of JSON Lines (plain or .gz), on any Flink file system
 * @param output the output folder: {@code tagged/} (part files of tagged JSON Lines),
 *               {@code dead-letters/} (part files, one JSON line per bad record) and {@code mix.json}
 *               (or {@code mix.csv})
 * @param mixFormat {@code json} or {@code csv}
 */
public record BatchOptions(List<String> inputs, String output, String mixFormat) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates and copies. */
    public BatchOptions {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw Args.usage("--input is required in batch mode");
        }
        if (!mixFormat.equals("json") && !mixFormat.equals("csv")) {
            throw Args.usage("--mix-format must be json or csv, got '" + mixFormat + "'");
        }
    }

    /** @return the folder of tagged part files */
    public String taggedDir() {
        return output + "/tagged";
    }

    /** @return the folder of dead-letter part files */
    public String deadLetterDir() {
        return output + "/dead-letters";
    }

    /** @return the mix file */
    public String mixFile() {
        return output + "/mix." + mixFormat;
    }
}
