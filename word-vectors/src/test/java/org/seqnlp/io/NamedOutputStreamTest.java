package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NamedOutputStreamTest {

  @Test
  void aFailedWriteNamesTheDestinationAndIsKept() {
    NamedOutputStream out = new NamedOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    }, "out/vectors.bin");
    FileSystemException e = assertThrows(FileSystemException.class, () -> out.write(new byte[8], 0, 8));
    assertEquals("out/vectors.bin: cannot write: No space left on device", e.getMessage());
    assertSame(e, out.failure());
    assertThrows(FileSystemException.class, () -> out.write(1));
    assertSame(e, out.failure(), "the first failure is the one kept");
  }

  @Test
  void writesPassThroughUntouched() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (NamedOutputStream out = new NamedOutputStream(bytes, "x")) {
      out.write(new byte[] {1, 2, 3}, 1, 2);
      out.write(4);
      assertNull(out.failure());
    }
    assertEquals(3, bytes.toByteArray().length);
  }

  /** The system's "No space left on device" names no file; a written file's error does. */
  @Test
  void outputFilesNameTheFileThatCouldNotBeWritten() {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
    FileSystemException e = assertThrows(FileSystemException.class,
        () -> OutputFiles.write(full, out -> out.write(new byte[1 << 17])));
    assertEquals("/dev/full: cannot write: No space left on device", e.getMessage());
  }
}
