package org.seqnlp.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that no reader ever sees half of one and no input is ever lost: every write goes to
 * a temporary file beside the target, which is then renamed over it. A new file gets the default
 * permissions (0666 less the umask, usually 0644), not {@code Files.createTempFile}'s 0600, so that a
 * server running as another user can read what a command wrote; a file written over keeps its own, set
 * before any content is written, so that a private file is never readable by others on the way. A target
 * that is a symbolic link is written where it points, and the link kept (a dangling link too; a link into a
 * directory that cannot be written in is refused). A named pipe or a device ({@code /dev/null}) is written
 * into directly, as it holds no data to lose and must not be replaced by a file; so is a descriptor the
 * process inherited ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N}), appended to, as the
 * shell's {@code >} or {@code >>} opened it, even when it leads to a regular file.
 */
public final class OutputFiles {

  /** What writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {
  }

  /**
   * Checks, before any work starts, that {@code output} can be written and is none of {@code inputs}:
   * its directory exists and is writable, it is not a directory, and it is not the same file as an
   * input (compared by real path, so links and relative paths do not hide it).
   *
   * @throws IOException with a one-line message naming {@code output} and the problem
   */
  public static void checkWritable(Path output, Path... inputs) throws IOException {
    if (isWrittenInPlace(output)) {
      if (!Files.isWritable(output)) {
        throw new AccessDeniedException(output.toString(), null, "permission denied");
      }
      return;
    }
    Path absolute = resolved(output);
    Path directory = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new IOException(output + ": is a directory, not a file to write");
    }
    if (directory == null || !Files.exists(directory)) {
      throw new NoSuchFileException(output.toString(), null, "its directory " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw new FileSystemException(output.toString(), null, directory + " is a file, not a directory");
    }
    if (!Files.isWritable(directory)) {
      throw new AccessDeniedException(output.toString(), null, "permission denied (cannot write in " + directory + ")");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new AccessDeniedException(output.toString(), null, "permission denied (the file is read-only)");
    }
    for (Path input : inputs) {
      if (input != null && isSameFile(absolute, input)) {
        throw new IOException(output + ": is also an input (" + input + "); writing it would destroy the input");
      }
    }
  }

  private static boolean isSameFile(Path output, Path input) throws IOException {
    if (!Files.exists(output) || !Files.exists(input)) {
      return output.normalize().equals(input.toAbsolutePath().normalize());
    }
    return Files.isSameFile(output, input) || output.toRealPath().equals(input.toRealPath());
  }

  /**
   * Writes {@code target} through a temporary file in its directory, renamed over it only when
   * {@code content} has written everything; on failure the previous file is untouched and the
   * temporary file is removed.
   */
  public static void write(Path target, Content content) throws IOException {
    if (isWrittenInPlace(target)) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND), 1 << 16)) {
        content.writeTo(out);
      }
      return;
    }
    Path absolute = resolved(target);
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        keepPermissions(absolute, temporary);
        content.writeTo(out);
        out.flush();
        // On disk before the rename: after a crash the target is the old file or the whole new one, never empty.
        channel.force(true);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Whether {@code target} is a pipe, a device or an inherited descriptor, which no file may replace. */
  private static boolean isWrittenInPlace(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    boolean descriptor = absolute.startsWith("/dev/fd") || absolute.equals(Path.of("/dev/stdout"))
        || absolute.equals(Path.of("/dev/stderr"))
        || (absolute.startsWith("/proc") && absolute.getNameCount() == 4
            && absolute.getName(2).toString().equals("fd"));
    return descriptor || (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute));
  }

  /** The absolute path of {@code target}, or of the file it links to, existing or not. */
  private static Path resolved(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute)) {
      return absolute.toRealPath();
    }
    return Files.isSymbolicLink(absolute) ? absolute.resolveSibling(Files.readSymbolicLink(absolute)) : absolute;
  }

  /** Gives {@code temporary} the permissions of {@code target} if it exists: a private file stays private. */
  private static void keepPermissions(Path target, Path temporary) throws IOException {
    if (Files.exists(target) && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
    }
  }
}
