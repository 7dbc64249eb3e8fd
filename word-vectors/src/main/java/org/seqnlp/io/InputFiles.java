package org.seqnlp.io;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How every reader opens an input file, so that a named pipe ({@code <(zcat data.gz)}) reads as a file does. */
public final class InputFiles {

  private InputFiles() {
  }

  /**
   * Opens {@code file} for reading; a missing file fails as {@link Files#newInputStream} fails, and a directory
   * with a {@link FileSystemException} naming it (the JDK opens one, and its first read fails with "Is a
   * directory" alone). The JDK's channel stream answers {@code available()} on a pipe with "Illegal seek", and
   * buffered and pushback streams call it, so anything but a regular file is opened as a {@link FileInputStream}.
   */
  public static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      return new FileInputStream(file.toFile());
    }
    return Files.newInputStream(file);
  }

  /** The size of {@code file} when it is a regular file, else -1: a pipe's size says nothing of its content. */
  public static long sizeOf(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.size(file) : -1;
  }
}
