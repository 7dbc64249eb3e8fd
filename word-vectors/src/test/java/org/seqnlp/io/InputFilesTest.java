package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
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

  @Test
  void aDirectoryIsRefusedNamingIt(@TempDir Path directory) {
    FileSystemException refused = assertThrows(FileSystemException.class, () -> InputFiles.open(directory));
    assertEquals(directory + ": is a directory", FileProblems.describe(refused));
  }
}
