package org.promptcensus.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams a command uses, injectable for in-process tests.
 *
 * @param in standard input
 * @param out results
 * @param err progress, summaries and errors
 */
public record Streams(InputStream in, PrintStream out, PrintStream err) {
}
