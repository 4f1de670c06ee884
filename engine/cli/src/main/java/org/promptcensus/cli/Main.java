package org.promptcensus.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the {@code census} command. */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs a command in-process with the given streams (tests use this).
     *
     * @param args arguments
     * @param in standard input
     * @param out standard output (results)
     * @param err standard error (progress, summaries, errors)
     * @return the exit code: 0 ok, 1 failure, 2 bad usage or bad input under --strict
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CensusCommand root = new CensusCommand(new Streams(in, out, err));
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler(new ErrorHandler(root));
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("census: " + ex.getMessage());
            w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
