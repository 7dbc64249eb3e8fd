package org.seqnlp.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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

  /** The JDK's file errors give the file alone; say what is wrong with it. */
  private static String describe(Exception e) {
    if (e instanceof FileSystemException file && file.getFile() != null) {
      String reason = file.getReason() != null ? file.getReason()
          : file instanceof NoSuchFileException ? "no such file"
          : file instanceof AccessDeniedException ? "permission denied" : "cannot be read";
      return file.getFile() + ": " + reason;
    }
    return e.getMessage();
  }
}
