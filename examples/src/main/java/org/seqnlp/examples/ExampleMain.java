package org.seqnlp.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.seqnlp.io.FileProblems;

/**
 * What each example's {@code main} does around its work, as the {@code seqnlp} tool does: the wrong number of
 * arguments prints the usage and exits 2; a file that cannot be read, or holds what it should not, prints one
 * line naming it and exits 1, where a {@code main} that throws would print a stack trace.
 */
final class ExampleMain {

  /** An example's work on the file and text it was given, printing its result to {@code out}. */
  interface Work {
    void run(Path file, String text, PrintStream out) throws IOException;
  }

  private ExampleMain() {
  }

  /** Runs {@code work} on {@code args} (a file and a text) and returns the exit code. */
  static int run(String usage, String[] args, PrintStream out, PrintStream err, Work work) {
    if (args.length != 2) {
      err.println("usage: " + usage);
      return 2;
    }
    try {
      work.run(Path.of(args[0]), args[1], out);
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println(describe(e));
      return 1;
    }
  }

  private static String describe(Exception e) {
    return e instanceof FileSystemException file ? FileProblems.describe(file) : e.getMessage();
  }
}
