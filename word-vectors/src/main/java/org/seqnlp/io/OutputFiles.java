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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that no reader ever sees half of one and no input is ever lost: every write goes to
 * a temporary file beside the target, which is then renamed over it, and which is removed if the write fails or
 * the program is stopped first ({@link TemporaryFiles}). A new file gets the default permissions (0666 less the
 * umask, usually 0644), not {@code Files.createTempFile}'s 0600, so that a
 * server running as another user can read what a command wrote; a file written over keeps its own, set
 * before any content is written, so that a private file is never readable by others on the way. The path
 * is resolved as the system resolves it ({@code ..} after a link leaves the link's target): a symbolic link
 * is written where it points, and kept, even when what it points to does not exist yet. A named pipe or a
 * device ({@code /dev/null}) is written into directly, as it holds no data to lose and must not be replaced
 * by a file. A descriptor of the process ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N})
 * is refused: the shell opened it with a position of its own, which what the command prints would share, so
 * neither a rename nor a second opening can write it without losing data.
 */
public final class OutputFiles {

  /** As Linux's own limit when it resolves a path. */
  private static final int MAX_LINKS = 40;

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
    Path absolute = resolve(output);
    if (isStream(output, absolute)) {
      if (!Files.isWritable(absolute)) {
        throw new AccessDeniedException(output.toString(), null, "permission denied");
      }
      requireNoInput(output, absolute, inputs);
      return;
    }
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
    requireNoInput(output, absolute, inputs);
  }

  private static void requireNoInput(Path output, Path absolute, Path... inputs) throws IOException {
    for (Path input : inputs) {
      if (input != null && isSameFile(absolute, input)) {
        throw new IOException(output + ": is also an input (" + input + "); writing it would destroy the input");
      }
    }
  }

  private static boolean isSameFile(Path output, Path input) throws IOException {
    if (!Files.exists(output) || !Files.exists(input)) {
      return output.equals(follow(input, false));
    }
    // by file key alone: the real path of a shell's <(...) pipe, /dev/fd/N, cannot be resolved
    return Files.isSameFile(output, input);
  }

  /**
   * Writes {@code target} through a temporary file in its directory, renamed over it only when
   * {@code content} has written everything; on failure the previous file is untouched and the
   * temporary file is removed.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = resolve(target);
    if (isStream(target, absolute)) {
      try (OutputStream out = new BufferedOutputStream(new NamedOutputStream(Files.newOutputStream(absolute,
          StandardOpenOption.WRITE), target.toString()), 1 << 16)) {
        content.writeTo(out);
      }
      return;
    }
    Path temporary = TemporaryFiles.track(absolute.resolveSibling("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp"));
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(new NamedOutputStream(Channels.newOutputStream(channel),
              target.toString()), 1 << 16)) {
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
    } finally {
      // after the rename, removes nothing: the name is gone
      TemporaryFiles.delete(temporary);
    }
  }

  /**
   * Whether {@code path} ({@code output} resolved) is a named pipe or a character device, written in place, as no
   * file may replace it.
   *
   * @throws IOException for a socket or a block device, which no command writes
   */
  private static boolean isStream(Path output, Path path) throws IOException {
    if (!Files.exists(path) || Files.isRegularFile(path) || Files.isDirectory(path)) {
      return false;
    }
    int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
    if (type != 0010000 && type != 0020000) {
      throw new FileSystemException(output.toString(), null, "is a socket or a block device, not a file to write");
    }
    return true;
  }

  /**
   * Where writing {@code output} goes: its directory resolved as the system resolves it ({@code ..} after a link
   * leaves the link's target), then the links at its end followed, to a file that may not exist yet.
   *
   * @throws IOException for a link loop, and for a descriptor of the process (see the class comment)
   */
  public static Path resolve(Path output) throws IOException {
    return follow(output, true);
  }

  /**
   * The two places a write of {@code output} touches: the path as named, with its directory resolved (a link
   * there is what a reader of that directory finds), and the file it leads to ({@link #resolve}).
   */
  public static List<Path> places(Path output) throws IOException {
    return List.of(withRealParent(output.toAbsolutePath()), resolve(output));
  }

  private static Path follow(Path given, boolean refuseDescriptors) throws IOException {
    Path path = withRealParent(given.toAbsolutePath());
    for (int links = 0; ; links++) {
      if (refuseDescriptors && isDescriptor(path)) {
        throw new FileSystemException(given.toString(), null, "is a descriptor of this process, not a file;"
            + " write to a file");
      }
      if (!Files.isSymbolicLink(path)) {
        return path;
      }
      if (links == MAX_LINKS) {
        throw new FileSystemException(given.toString(), null, "too many levels of symbolic links");
      }
      path = withRealParent(path.resolveSibling(Files.readSymbolicLink(path)));
    }
  }

  private static boolean isDescriptor(Path path) {
    Path name = path.getFileName();
    if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
      return false;
    }
    Path parent = path.getParent();
    return (path.startsWith("/dev/fd") && path.getNameCount() > 2) || (path.startsWith("/proc") && parent != null
        && parent.getFileName() != null && parent.getFileName().toString().equals("fd"));
  }

  /** {@code path} with its directory's real path, when that directory exists. */
  private static Path withRealParent(Path path) throws IOException {
    Path parent = path.getParent();
    return parent != null && path.getFileName() != null && Files.isDirectory(parent)
        ? parent.toRealPath().resolve(path.getFileName()) : path;
  }

  /** Gives {@code temporary} the permissions of {@code target} if it exists: a private file stays private. */
  private static void keepPermissions(Path target, Path temporary) throws IOException {
    if (Files.exists(target) && Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
    }
  }
}
