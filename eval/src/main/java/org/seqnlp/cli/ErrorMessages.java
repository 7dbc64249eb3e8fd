package org.seqnlp.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.zip.ZipException;
import org.seqnlp.io.FileProblems;
import org.seqnlp.io.PrintableText;

/**
 * The one line the tool prints for an exception: the file and the problem in words, never a Java class
 * name, with every non-printable character escaped so that a message quoting a hostile file cannot
 * garble the terminal.
 */
final class ErrorMessages {

  private ErrorMessages() {
  }

  /** {@code exception} as one printable line. */
  static String describe(Throwable exception) {
    return printable(problem(exception));
  }

  /** {@code message} on one line, with non-printable characters escaped, and shortened when very long. */
  static String printable(String message) {
    return PrintableText.shortened(PrintableText.of(message.replace("\r\n", " ").replace('\n', ' ')
        .replace('\r', ' ').strip()));
  }

  private static String problem(Throwable exception) {
    if (exception instanceof UncheckedIOException && exception.getCause() != null) {
      return problem(exception.getCause());
    }
    if (exception instanceof FileSystemException fileSystem) {
      return FileProblems.describe(fileSystem);
    }
    if (exception instanceof EOFException || exception instanceof ZipException) {
      // Only reached when a reader let the JDK's bare message through; say what it means.
      return "truncated or corrupt compressed data (" + orEmpty(exception.getMessage()) + ")";
    }
    if (exception instanceof OutOfMemoryError) {
      return "out of memory; give Java more with SEQNLP_JAVA_OPTS=-Xmx<size>, e.g. -Xmx8g";
    }
    String message = exception.getMessage();
    boolean explained = message != null && !message.isBlank() && (exception instanceof IOException
        || exception instanceof IllegalArgumentException || exception instanceof IllegalStateException
        || exception instanceof UnsupportedOperationException);
    if (explained) {
      return message;
    }
    return "internal error" + (message == null || message.isBlank() ? "" : ": " + message)
        + " (run with -v for the stack trace)";
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
