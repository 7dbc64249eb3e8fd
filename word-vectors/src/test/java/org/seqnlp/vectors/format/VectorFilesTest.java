package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqnlp.io.FileProblems;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.NamedPipes;
import org.seqnlp.vectors.WordVectors;

/** Writing and opening vector files: permissions, the longest word, bad gzip data and directories. */
class VectorFilesTest {

  @TempDir
  Path directory;

  private static WordVectors vectorsWith(String word) {
    return new WordVectors(List.of("a", word), 2, new float[] {1, 0, 0, 1});
  }

  @Test
  void writtenFilesAreReadableByOtherUsersAsTheUmaskAllows() throws IOException {
    Path file = directory.resolve("v.bin");
    VectorFiles.write(vectorsWith("b"), file, VectorFormat.WORD2VEC_BINARY);
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    // Files.createTempFile made every output 0600; a plain create follows the umask (022 -> 0644).
    assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ), permissions.toString());
    try (var listing = Files.list(directory)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void readsFromAPipeAsFromAFileGivingTheFormatDetectedInTheSamePass() throws Exception {
    NamedPipes.Writing writing = NamedPipes.withContent(directory.resolve("pipe"),
        "2 2\na 1 0\nb 0 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    VectorFiles.Detected read = VectorFiles.readDetected(directory.resolve("pipe"));
    writing.finish();
    assertEquals(VectorFormat.WORD2VEC_TEXT, read.format());
    assertEquals(List.of("a", "b"), read.vectors().words());
  }

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void aWordOfTheLongestLengthRoundTripsAndALongerOneIsRefusedBeforeWriting(VectorFormat format)
      throws IOException {
    char[] letters = new char[VectorFormat.MAX_WORD_BYTES];
    Arrays.fill(letters, 'x');
    String longest = new String(letters);
    Path file = directory.resolve("v." + format.id());
    VectorFiles.write(vectorsWith(longest), file, format);
    assertEquals(longest, VectorFiles.read(file, format).word(1));

    Path refused = directory.resolve("refused." + format.id());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorFiles.write(vectorsWith(longest + "x"), refused, format));
    assertTrue(e.getMessage().contains("65,537 bytes") && e.getMessage().contains("at most 65,536"),
        e.getMessage());
    assertFalse(Files.exists(refused));
  }

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void valuesThatAreNotFiniteAreRefusedBeforeAnythingIsWritten(VectorFormat format) {
    WordVectors vectors = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, Float.NaN});
    Path file = directory.resolve("nan." + format);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorFiles.write(vectors, file, format));
    assertEquals(file + ": cannot write the vector of 'b': value 2 is NaN, and no vector format holds a value that"
        + " is not finite", e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void theBinaryReaderRefusesWhatTheWriterRefuses() {
    char[] letters = new char[VectorFormat.MAX_WORD_BYTES + 1];
    Arrays.fill(letters, 'x');
    assertThrows(IllegalArgumentException.class,
        () -> VectorFormat.WORD2VEC_BINARY.requireWritable(new String(letters)));
  }

  @Test
  void truncatedGzipDataNameTheFile() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("2 2\na 1 0\nb 0 1\n".repeat(50).getBytes());
    }
    byte[] bytes = compressed.toByteArray();
    Path headerOnly = Files.write(directory.resolve("header.gz"), Arrays.copyOf(bytes, 10));
    Path truncated = Files.write(directory.resolve("truncated.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    for (Path file : List.of(headerOnly, truncated)) {
      InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(file));
      assertTrue(e.getMessage().startsWith(file + ": byte ") && e.getMessage().contains("truncated gzip data"),
          e.getMessage());
    }
    Path tiny = Files.write(directory.resolve("tiny.gz"), Arrays.copyOf(bytes, 5));
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(tiny));
    assertEquals(tiny + ": byte 5: truncated gzip data: the file ends inside a gzip header (offset in the compressed"
        + " file)", e.getMessage());
  }

  @Test
  void aDirectoryIsNamedAsOne() {
    FileSystemException e = assertThrows(FileSystemException.class, () -> VectorFiles.read(directory));
    assertEquals(directory + ": is a directory, not a vector file", e.getMessage());
  }

  @Test
  void aMissingFileIsNamedAsAMissingVectorFile() {
    Path missing = directory.resolve("missing.bin");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> VectorFiles.read(missing));
    assertEquals(missing + ": no such vector file", e.getMessage());
    assertEquals(missing + ": no such vector file", FileProblems.describe(e));
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, names = {"WORD2VEC_TEXT", "WORD2VEC_BINARY"})
  void aTinyGzippedHeaderDeclaringBillionsOfValuesFailsWithoutAllocatingThem(VectorFormat format)
      throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("500000000 4\n".getBytes());
    }
    Path file = Files.write(directory.resolve("bomb.gz"), compressed.toByteArray());
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(file, format));
    assertTrue(e.getMessage().contains("header declares 500000000 words but the file ends after 0"), e.getMessage());
  }

  @Test
  void aDimensionBeyondTheLimitIsRefused() throws IOException {
    Path file = Files.writeString(directory.resolve("wide.txt"), "1 2000000000\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(file, VectorFormat.WORD2VEC_TEXT));
    assertEquals(file + ":1: header declares 2000000000 dimensions, more than the 100000 this reader accepts",
        e.getMessage());
  }
}
