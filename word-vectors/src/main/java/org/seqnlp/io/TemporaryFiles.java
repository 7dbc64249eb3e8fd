package org.seqnlp.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary files and directories that are removed however the program ends: by their owner when its work is done,
 * and by a shutdown hook when Ctrl-C or {@code kill} stops the program first, which no {@code finally} block
 * survives. Without it, an interrupted write of a large vector file would leave a file of its size in the output
 * directory.
 */
public final class TemporaryFiles {

  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::removeAllLive, "seqnlp-temporary-files"));
  }

  private TemporaryFiles() {}

  /** Marks {@code path} for removal should the program end before {@link #delete} is called for it. */
  public static Path track(Path path) {
    LIVE.add(path.toAbsolutePath());
    return path;
  }

  /** A new directory in the system's temporary directory, {@link #track tracked}. */
  public static Path createDirectory(String prefix) throws IOException {
    return track(Files.createTempDirectory(prefix));
  }

  /** Removes {@code path}, a file or a directory with all it holds, if it exists, and stops tracking it. */
  public static void delete(Path path) throws IOException {
    try {
      remove(path);
    } finally {
      LIVE.remove(path.toAbsolutePath());
    }
  }

  /** What the shutdown hook runs: the tracked paths' removal, each tried whatever the others do. */
  static void removeAllLive() {
    for (Path path : List.copyOf(LIVE)) {
      try {
        remove(path);
      } catch (IOException | UncheckedIOException e) {
        // The program is ending: nobody is left to tell, and the next path may still go.
      }
    }
  }

  private static void remove(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    try (Stream<Path> below = Files.walk(path)) {
      // deepest first, so that each directory is empty when its turn comes
      for (Path file : below.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (NoSuchFileException e) {
      // removed meanwhile, which is what was wanted
    }
  }
}
