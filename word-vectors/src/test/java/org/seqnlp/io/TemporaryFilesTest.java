package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

  @TempDir
  Path directory;

  @Test
  void deleteRemovesADirectoryWithAllItHolds() throws IOException {
    Path tree = TemporaryFiles.track(Files.createDirectories(directory.resolve("tree/inner")).getParent());
    Files.writeString(tree.resolve("inner/a.txt"), "a");
    Files.writeString(tree.resolve("b.txt"), "b");
    TemporaryFiles.delete(tree);
    assertFalse(Files.exists(tree));
  }

  @Test
  void deleteOfWhatIsGoneAlreadyIsNoError() throws IOException {
    TemporaryFiles.delete(directory.resolve("never-made"));
  }

  /** What the shutdown hook does at Ctrl-C: tracked paths go, others stay, and a deleted path is no longer tracked. */
  @Test
  void theHookRemovesWhatIsTrackedAndNothingElse() throws IOException {
    Path tracked = TemporaryFiles.track(Files.writeString(directory.resolve("tracked.tmp"), "x"));
    Path trackedDirectory = TemporaryFiles.createDirectory("seqnlp-test");
    Files.writeString(trackedDirectory.resolve("inside.bin"), "y");
    Path released = TemporaryFiles.track(Files.writeString(directory.resolve("released.tmp"), "z"));
    TemporaryFiles.delete(released);
    Files.writeString(released, "made again by its owner, no longer temporary");
    Path other = Files.writeString(directory.resolve("other.txt"), "kept");
    TemporaryFiles.removeAllLive();
    assertFalse(Files.exists(tracked));
    assertFalse(Files.exists(trackedDirectory));
    assertTrue(Files.exists(released));
    assertTrue(Files.exists(other));
  }

  @Test
  void aLinkIsRemovedAndNotWhatItPointsTo() throws IOException {
    Path kept = Files.createDirectories(directory.resolve("kept"));
    Files.writeString(kept.resolve("data.txt"), "data");
    Path link = TemporaryFiles.track(Files.createSymbolicLink(directory.resolve("link"), kept));
    TemporaryFiles.delete(link);
    assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(kept.resolve("data.txt")));
  }
}
