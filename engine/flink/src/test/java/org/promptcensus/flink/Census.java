package org.promptcensus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.promptcensus.cli.Main;

/** Runs the {@code census} command line in-process: the reference the job is compared with. */
final class Census {
    private Census() {
    }

    /**
     * @param args the command's arguments
     * @return its standard error (summaries), after checking it exited 0
     */
    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("census %s: %s", String.join(" ", args), e).isZero();
        return e;
    }
}
