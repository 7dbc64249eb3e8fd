package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @Test
  void theSizeOfAnythingButARegularFileIsUnknown(@TempDir Path directory) throws IOException {
    Path file = Files.write(directory.resolve("z.zip"), new byte[42]);
    assertEquals(42, InputFiles.sizeOf(file));
    assertEquals(-1, InputFiles.sizeOf(directory));
  }
}
