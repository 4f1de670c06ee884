package org.promptcensus.cli;

import java.io.PrintWriter;
import org.promptcensus.api.CensusException;
import org.promptcensus.api.ErrorCode;
import picocli.CommandLine;

/** Prints one line per error to stderr, with the stack trace only under {@code -v}, and maps error kinds to exit codes. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final CensusCommand root;

    ErrorHandler(CensusCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof CensusException ce) {
            err.println("census: " + ce.getMessage() + (root.verbose ? "" : hint()));
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            return ce.code().kind() == ErrorCode.Kind.USER_INPUT ? ExitCodes.USAGE : ExitCodes.FAILURE;
        }
        err.println("census: internal error: " + ex + (root.verbose ? "" : hint()));
        if (root.verbose) {
            ex.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    private static String hint() {
        return " (run with -v for details)";
    }
}
