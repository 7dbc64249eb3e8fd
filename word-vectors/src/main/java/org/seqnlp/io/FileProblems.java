package org.seqnlp.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The JDK's file errors in words: they name the file alone, or the file and an operating system's phrase. */
public final class FileProblems {

  private FileProblems() {
  }

  /** {@code exception} as "file: reason", with a reason in words where the JDK gives none. */
  public static String describe(FileSystemException exception) {
    String file = exception.getFile();
    String reason = exception.getReason();
    if (file == null) {
      return reason == null ? "" : reason;
    }
    if (reason == null || reason.isBlank()) {
      if (exception instanceof AccessDeniedException) {
        reason = "permission denied";
      } else if (exception instanceof NoSuchFileException) {
        reason = "no such file or directory";
      } else if (exception instanceof NotDirectoryException) {
        reason = "not a directory";
      } else if (exception instanceof FileAlreadyExistsException) {
        reason = "already exists";
      } else {
        reason = "cannot be used";
      }
    }
    String other = exception.getOtherFile();
    return file + (other == null ? "" : " -> " + other) + ": " + reason;
  }
}
