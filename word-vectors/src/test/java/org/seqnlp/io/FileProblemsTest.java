package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class FileProblemsTest {

  @Test
  void theJdksBareFileErrorsGetTheirReasonInWords() {
    assertEquals("a.txt: no such file or directory", FileProblems.describe(new NoSuchFileException("a.txt")));
    assertEquals("a.txt: permission denied", FileProblems.describe(new AccessDeniedException("a.txt")));
    assertEquals("d: not a directory", FileProblems.describe(new NotDirectoryException("d")));
    assertEquals("a.txt: already exists", FileProblems.describe(new FileAlreadyExistsException("a.txt")));
    assertEquals("a.txt: cannot be used", FileProblems.describe(new FileSystemException("a.txt")));
  }

  @Test
  void aGivenReasonAndTheOtherFileAreKept() {
    assertEquals("a.txt -> b.txt: Read-only file system",
        FileProblems.describe(new FileSystemException("a.txt", "b.txt", "Read-only file system")));
    assertEquals("is a directory", FileProblems.describe(new FileSystemException(null, null, "is a directory")));
  }
}
