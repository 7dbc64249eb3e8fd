package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.WordVectors;

/** Reading word2vec binary files as the C tool, gensim and fastText write them, and broken ones. */
class BinaryFormatTest {

  @TempDir
  Path directory;

  /** Builds a binary file: header, then per word its bytes, a space, floats and an optional separator. */
  private static final class BinaryFile {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BinaryFile(String header) {
      text(header + "\n");
    }

    BinaryFile record(String word, String separator, float... values) {
      text(word + " ");
      ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      for (float value : values) {
        buffer.putFloat(value);
      }
      bytes.writeBytes(buffer.array());
      return text(separator);
    }

    BinaryFile text(String text) {
      bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  private static WordVectors read(byte[] bytes) throws IOException {
    return VectorFiles.read(new ByteArrayInputStream(bytes), "v.bin", VectorFormat.WORD2VEC_BINARY);
  }

  private static InputFormatException failure(byte[] bytes) {
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertTrue(e.isByteOffset());
    return e;
  }

  @Test
  void readsRecordsWithAndWithoutNewline() throws IOException {
    byte[] withNewlines = new BinaryFile("2 2").record("a", "\n", 1, 2).record("b", "\n", 3, 4).bytes();
    byte[] without = new BinaryFile("2 2").record("a", "", 1, 2).record("b", "", 3, 4).bytes();
    for (byte[] bytes : new byte[][] {withNewlines, without}) {
      WordVectors vectors = read(bytes);
      assertEquals("b", vectors.word(1));
      assertArrayEquals(new float[] {3, 4}, vectors.vector(1));
    }
  }

  @Test
  void readsVectorsSpanningManyReadBuffers() throws IOException {
    BinaryFile file = new BinaryFile("3000 500");
    float[] values = new float[500];
    for (int row = 0; row < 3000; row++) {
      Arrays.fill(values, row);
      file.record("word" + row, row % 2 == 0 ? "\n" : "", values);
    }
    WordVectors vectors = read(file.bytes());
    assertEquals(2999f, vectors.get(2999, 499));
    assertEquals("word1234", vectors.word(1234));
  }

  @Test
  void detectsTheBinaryFormat() throws IOException {
    Path file = Files.write(directory.resolve("v.bin"), new BinaryFile("1 3").record("a", "\n", 1, 2, 3).bytes());
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(file));
    assertEquals(3f, VectorFiles.read(file).get(0, 2));
  }

  /** Detection looks past a byte-order mark before the header; so does the reader. */
  @Test
  void aByteOrderMarkBeforeTheHeaderIsDropped() throws IOException {
    byte[] file = new BinaryFile("1 3").record("a", "\n", 1, 2, 3).bytes();
    byte[] marked = new byte[file.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(file, 0, marked, 3, file.length);
    Path path = Files.write(directory.resolve("bom.bin"), marked);
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(path));
    assertEquals(3f, VectorFiles.read(path).get(0, 2));
  }

  /** Printable float bytes: no control byte to tell them from text, but no text row either. */
  @Test
  void detectsBinaryRowsWhoseBytesArePrintable() throws IOException {
    float printable = ByteBuffer.wrap("1 ?=".getBytes(StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN)
        .getFloat();
    Path file = Files.write(directory.resolve("v.bin"),
        new BinaryFile("1 3").record("a", "\n", printable, printable, printable).bytes());
    assertEquals(VectorFormat.WORD2VEC_BINARY, VectorFiles.detect(file));
    assertEquals(printable, VectorFiles.read(file).get(0, 2));
  }

  /** word2vec splits text into words at tabs and line breaks, so a word holding one means damage. */
  @Test
  void anEmptyWordOrOneWithATabOrLineBreakIsRefused() throws IOException {
    InputFormatException empty = failure(new BinaryFile("2 1").record("a", "\n", 1).record("", "\n", 2).bytes());
    assertEquals("v.bin: byte 11: the word of record 2, '', is empty or holds a tab or line break, which no"
        + " word2vec tool writes", empty.getMessage());
    InputFormatException tab = failure(new BinaryFile("1 1").record("a\tb", "\n", 1).bytes());
    assertEquals("v.bin: byte 4: the word of record 1, 'a\\x09b', is empty or holds a tab or line break, which no"
        + " word2vec tool writes", tab.getMessage());
    assertEquals("\u4e2d\u3000\u56fd", read(new BinaryFile("1 1").record("\u4e2d\u3000\u56fd", "\n", 1).bytes())
        .word(0), "other whitespace, such as the ideographic space, is part of a word in word2vec's files");
  }

  @Test
  void truncatedRecordNamesItsByteOffset() {
    byte[] whole = new BinaryFile("2 2").record("a", "\n", 1, 2).record("b", "\n", 3, 4).bytes();
    byte[] cut = Arrays.copyOf(whole, whole.length - 3);
    InputFormatException e = failure(cut);
    assertEquals(15, e.position());
    assertEquals("v.bin: byte 15: record of word 'b' is truncated: expected 8 bytes of vector, the file ends"
        + " after 6", e.getMessage());
  }

  @Test
  void fileEndingInsideAWordIsTruncated() {
    byte[] bytes = new BinaryFile("2 1").record("a", "\n", 1).text("bcd").bytes();
    assertEquals("v.bin: byte 11: record 2 is truncated: the file ends inside its word",
        failure(bytes).getMessage());
  }

  @Test
  void fewerWordsThanTheHeaderDeclaresIsAnError() {
    byte[] bytes = new BinaryFile("3 1").record("a", "\n", 1).bytes();
    assertEquals("v.bin: byte 11: header declares 3 words but the file ends after 1", failure(bytes).getMessage());
  }

  @Test
  void badHeaderIsAnError() {
    assertEquals("v.bin: byte 0: expected a '<words> <dimension>' header line, found 'x y'",
        failure("x y\nabc".getBytes(StandardCharsets.UTF_8)).getMessage());
    assertEquals("v.bin: byte 0: expected a '<words> <dimension>' header line, found ''",
        failure(new byte[0]).getMessage());
  }

  @Test
  void headerPromisingMoreThanTheFileHoldsFailsBeforeAllocating() throws IOException {
    Path file = Files.write(directory.resolve("v.bin"), new BinaryFile("100000 300").record("a", "\n",
        new float[300]).bytes());
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(file, VectorFormat.WORD2VEC_BINARY));
    assertEquals(file + ": byte 0: header declares 100000 words x 300 dimensions, more than a file of 1214"
        + " bytes can hold", e.getMessage());
  }

  @Test
  void aWordThatIsNotUtf8IsAnError() {
    byte[] bytes = {'1', ' ', '1', '\n', 'a', (byte) 0xc3, ' ', 0, 0, (byte) 0x80, 0x3f, '\n'};
    assertEquals("v.bin: byte 4: the word of record 1, 'a\\xc3', is not valid UTF-8", failure(bytes).getMessage());
  }

  @Test
  void duplicateWordIsAnError() {
    byte[] bytes = new BinaryFile("2 1").record("a", "\n", 1).record("a", "\n", 2).bytes();
    assertEquals("v.bin: byte 11: duplicate word 'a', already record 1", failure(bytes).getMessage());
  }

  @Test
  void dataAfterTheLastDeclaredVectorIsAnError() {
    byte[] bytes = new BinaryFile("1 1").record("a", "\n", 1).text("b ").bytes();
    assertEquals("v.bin: byte 11: data after the last of the 1 vectors the header declares",
        failure(bytes).getMessage());
  }

  @Test
  void nonFiniteValueIsAnError() {
    byte[] bytes = new BinaryFile("1 2").record("a", "\n", 1, Float.NaN).bytes();
    assertEquals("v.bin: byte 10: value 2 of word 'a' is not a finite number: NaN", failure(bytes).getMessage());
  }
}
