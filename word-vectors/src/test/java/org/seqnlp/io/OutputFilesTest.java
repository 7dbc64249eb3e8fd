package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

  @TempDir
  Path directory;

  @Test
  void writesThroughARenameAndLeavesNoTemporaryFile() throws IOException {
    Path target = directory.resolve("out.txt");
    OutputFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(target));
    try (var files = Files.list(directory)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void aLinkIsWrittenWhereItPointsAndStaysALink() throws IOException {
    Path elsewhere = Files.createDirectories(directory.resolve("elsewhere"));
    Path file = Files.writeString(elsewhere.resolve("model.bin"), "old");
    Path link = Files.createSymbolicLink(directory.resolve("model.bin"), file);
    OutputFiles.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertTrue(Files.isSymbolicLink(link), "a rename over the link would have replaced it by a file");
    assertEquals("new", Files.readString(file));
  }

  /**
   * What {@code --output /dev/stdout > log} gives: a descriptor the shell opened, whose position what the command
   * prints shares. A rename would replace the log, and a second opening would write over the output or the log.
   */
  @Test
  void aDescriptorOfTheProcessIsRefused() throws IOException {
    Path log = Files.writeString(directory.resolve("log.txt"), "prior\n");
    try (java.io.FileOutputStream held = new java.io.FileOutputStream(log.toFile(), true)) {
      Path descriptor = descriptorOf(log);
      IOException e = assertThrows(IOException.class, () -> OutputFiles.checkWritable(descriptor));
      assertEquals(descriptor + ": is a descriptor of this process, not a file; write to a file", e.getMessage());
      assertThrows(IOException.class, () -> OutputFiles.write(descriptor, out -> out.write(1)));
    }
    assertEquals("prior\n", Files.readString(log));
  }

  /** The system resolves {@code ..} after a link from the link's target, so the output goes there. */
  @Test
  void dotDotAfterALinkLeavesTheLinksTarget() throws IOException {
    Path sub = Files.createDirectories(directory.resolve("real").resolve("sub"));
    Path link = Files.createSymbolicLink(Files.createDirectories(directory.resolve("c")).resolve("l"), sub);
    OutputFiles.write(link.resolve("..").resolve("out.txt"), out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
    assertEquals("x", Files.readString(directory.resolve("real").resolve("out.txt")));
    assertFalse(Files.exists(directory.resolve("c").resolve("out.txt")));
  }

  /** Nothing can be written into a socket, and a block device holds data: found before the work, not after. */
  @Test
  void aSocketIsRefused() throws IOException {
    Path socket = directory.resolve("vectors.sock");
    try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(
        java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(socket));
      IOException e = assertThrows(IOException.class, () -> OutputFiles.checkWritable(socket));
      assertEquals(socket + ": is a socket or a block device, not a file to write", e.getMessage());
    }
  }

  /** Neither exists yet, so only their paths can tell: resolved the same way on both sides. */
  @Test
  void anOutputNamedThroughALinkIsFoundToBeAnInputThatDoesNotExistYet() throws IOException {
    Path real = Files.createDirectories(directory.resolve("real"));
    Path link = Files.createSymbolicLink(directory.resolve("lnk"), real);
    Path output = link.resolve("new.bin");
    assertThrows(IOException.class, () -> OutputFiles.checkWritable(output, output));
    assertThrows(IOException.class, () -> OutputFiles.checkWritable(output, real.resolve("new.bin")));
  }

  @Test
  void aLinkLoopIsRefusedAndALinkChainFollowed() throws IOException {
    Path a = Files.createSymbolicLink(directory.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(directory.resolve("b"), Path.of("a"));
    IOException e = assertThrows(IOException.class, () -> OutputFiles.checkWritable(a));
    assertEquals(a + ": too many levels of symbolic links", e.getMessage());
    Path first = Files.createSymbolicLink(directory.resolve("first"), Path.of("second"));
    Files.createSymbolicLink(directory.resolve("second"), Path.of("model.bin"));
    OutputFiles.write(first, out -> out.write("m".getBytes(StandardCharsets.UTF_8)));
    assertTrue(Files.isSymbolicLink(directory.resolve("second")));
    assertEquals("m", Files.readString(directory.resolve("model.bin")));
  }

  /** The /proc/self/fd entry of a descriptor this process holds open on {@code file}; skips without /proc. */
  private static Path descriptorOf(Path file) throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(descriptors), "no /proc/self/fd here");
    try (var entries = Files.list(descriptors)) {
      for (Path entry : entries.toList()) {
        try {
          if (Files.readSymbolicLink(entry).equals(file.toRealPath())) {
            return entry;
          }
        } catch (IOException e) {
          // a descriptor closed since the listing
        }
      }
    }
    throw new AssertionError("no descriptor open on " + file);
  }

  @Test
  void aDanglingLinkIsWrittenWhereItPoints() throws IOException {
    Path link = Files.createSymbolicLink(directory.resolve("latest.bin"), Path.of("model-7.bin"));
    OutputFiles.checkWritable(link);
    OutputFiles.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(directory.resolve("model-7.bin")));
  }

  @Test
  void aNamedPipeIsWrittenIntoForItsReader() throws Exception {
    Path pipe = directory.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "no mkfifo here");
    String[] read = new String[1];
    Thread reader = new Thread(() -> {
      try {
        read[0] = Files.readString(pipe);
      } catch (IOException e) {
        read[0] = e.toString();
      }
    });
    reader.start();
    assertThrows(IOException.class, () -> OutputFiles.checkWritable(pipe, pipe), "a pipe read is no output");
    OutputFiles.checkWritable(pipe);
    OutputFiles.write(pipe, out -> out.write("report".getBytes(StandardCharsets.UTF_8)));
    reader.join(60_000);
    assertEquals("report", read[0]);
    assertFalse(Files.isRegularFile(pipe));
  }

  @Test
  void aFailedWriteKeepsThePreviousFile() throws IOException {
    assertAFailedWriteLeavesThePreviousFileAlone(out -> {
      out.write(1);
      throw new IOException("interrupted");
    });
  }

  /** What Ctrl-C during a write gives: the shutdown hook removes the temporary file, and the target stays as it was. */
  @Test
  void theTemporaryFileGoesWhenTheProgramIsStoppedDuringAWrite() throws IOException {
    assertAFailedWriteLeavesThePreviousFileAlone(out -> {
      out.write(new byte[1 << 17]);
      TemporaryFiles.removeAllLive();
    });
  }

  private void assertAFailedWriteLeavesThePreviousFileAlone(OutputFiles.Content failing) throws IOException {
    Path target = Files.writeString(directory.resolve("model.zip"), "previous");
    assertThrows(IOException.class, () -> OutputFiles.write(target, failing));
    assertEquals("previous", Files.readString(target));
    try (var files = Files.list(directory)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  /** A shell's {@code <(zcat vectors.gz)} is a descriptor linked to {@code pipe:[N]}, which has no real path. */
  @Test
  void anInputThatIsAPipeIsToldApartFromAnExistingOutput() throws IOException {
    Path output = Files.writeString(directory.resolve("out.txt"), "old");
    try (Pipe.SourceChannel source = Pipe.open().source()) {
      Path pipe = pipeDescriptor();
      OutputFiles.checkWritable(output, pipe);
      assertTrue(source.isOpen());
    }
  }

  private static Path pipeDescriptor() throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(descriptors), "no /proc/self/fd here");
    try (var entries = Files.list(descriptors)) {
      for (Path entry : entries.toList()) {
        try {
          if (Files.readSymbolicLink(entry).toString().startsWith("pipe:")) {
            return entry;
          }
        } catch (IOException e) {
          // a descriptor closed since the listing
        }
      }
    }
    Assumptions.abort("no pipe among this process's descriptors");
    return null;
  }

  @Test
  void writtenFilesAreReadableByOthers() throws IOException {
    Path target = directory.resolve("vectors.bin");
    OutputFiles.write(target, out -> out.write(0));
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
    assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ), permissions::toString);
  }

  @Test
  void anOverwrittenFileKeepsItsPermissions() throws IOException {
    Path target = Files.writeString(directory.resolve("private.bin"), "old");
    Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    Files.setPosixFilePermissions(target, ownerOnly);
    OutputFiles.write(target, out -> out.write('n'));
    assertEquals("n", Files.readString(target));
    assertEquals(ownerOnly, Files.getPosixFilePermissions(target));
  }

  @Test
  void refusesAnOutputUnderARegularFile() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "x");
    IOException e = assertThrows(IOException.class, () -> OutputFiles.checkWritable(file.resolve("out.bin")));
    assertEquals(file.resolve("out.bin") + ": " + file + " is a file, not a directory", e.getMessage());
  }

  @Test
  void refusesAnOutputThatIsAnInputByRealPath() throws IOException {
    Path input = Files.writeString(directory.resolve("corpus.txt"), "text");
    Path link = Files.createSymbolicLink(directory.resolve("link.txt"), input);
    IOException e = assertThrows(IOException.class,
        () -> OutputFiles.checkWritable(directory.resolve("./corpus.txt"), link));
    assertTrue(e.getMessage().contains("is also an input"), e.getMessage());
  }

  @Test
  void refusesAMissingDirectoryAndADirectoryAsOutput() {
    IOException missing = assertThrows(IOException.class,
        () -> OutputFiles.checkWritable(directory.resolve("no/such/out.bin")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    IOException isDirectory = assertThrows(IOException.class, () -> OutputFiles.checkWritable(directory));
    assertTrue(isDirectory.getMessage().contains("is a directory"), isDirectory.getMessage());
  }

  @Test
  void acceptsANewFileInAWritableDirectory() throws IOException {
    OutputFiles.checkWritable(directory.resolve("new.bin"), directory.resolve("other.txt"));
  }
}
