package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The check of an input file before it is opened, so that a missing file, a directory or an unreadable
 * file is reported with its path (the JDK reports reading a directory as a bare "Is a directory").
 */
final class InputPaths {

  private InputPaths() {
  }

  /**
   * Checks that {@code file} is a regular file this process can read.
   *
   * @param kind what the file should be, for the message, e.g. "model file"
   */
  static void requireFile(Path file, String kind) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a " + kind);
    }
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such " + kind);
    }
    if (!Files.isReadable(file)) {
      throw new AccessDeniedException(file.toString(), null, "permission denied");
    }
  }

  /**
   * As {@link #requireFile}, for a file that a pipe cannot stand for.
   *
   * @param why why not, for the message, e.g. "the training file is read more than once"
   */
  static void requireRegularFile(Path file, String kind, String why) throws IOException {
    requireFile(file, kind);
    if (!Files.isRegularFile(file)) {
      throw new FileSystemException(file.toString(), null, "is not a regular file (a pipe?); " + why);
    }
  }
}
