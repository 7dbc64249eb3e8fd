package org.seqnlp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Base of the command tests: runs the seqnlp tool in-process with its output and errors captured. */
abstract class ToolTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs {@code seqnlp args...} as the launcher would, returning its exit code. */
  int run(String... args) {
    CommandLine commandLine = SeqNlp.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
