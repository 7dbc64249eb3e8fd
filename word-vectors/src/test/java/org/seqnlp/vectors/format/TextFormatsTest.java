package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.WordVectors;

/** Reading word2vec text and GloVe files as other tools write them, and every way they can be broken. */
class TextFormatsTest {

  @TempDir
  Path directory;

  private static WordVectors read(String text, VectorFormat format) throws IOException {
    return VectorFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "v.txt", format);
  }

  private static InputFormatException failure(String text, VectorFormat format) {
    return assertThrows(InputFormatException.class, () -> read(text, format));
  }

  @Test
  void wordsThatWouldNotReadBackAreRefusedWhenWritten() {
    for (VectorFormat format : new VectorFormat[] {VectorFormat.WORD2VEC_TEXT, VectorFormat.GLOVE,
        VectorFormat.WORD2VEC_BINARY}) {
      WordVectors spaced = new WordVectors(List.of("two words"), 1, new float[] {1});
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> VectorFiles.write(spaced, directory.resolve("w.txt"), format));
      assertTrue(e.getMessage().endsWith("in a space-separated vector format: it holds whitespace"), e.getMessage());
    }
  }

  @Test
  void wordsWithControlCharactersReadBackInEveryTextFormat() throws IOException {
    // U+0092 is common mojibake for a typographic apostrophe in crawled vocabularies.
    WordVectors vectors = new WordVectors(List.of("don\u0092t", "nul\u0000"), 1, new float[] {1, 2});
    for (VectorFormat format : new VectorFormat[] {VectorFormat.WORD2VEC_TEXT, VectorFormat.GLOVE,
        VectorFormat.WORD2VEC_BINARY}) {
      Path file = directory.resolve("c." + format.id());
      VectorFiles.write(vectors, file, format);
      WordVectors read = VectorFiles.read(file);
      assertEquals(vectors.size(), read.size(), format.id());
      for (int row = 0; row < vectors.size(); row++) {
        assertEquals(vectors.word(row), read.word(row), format.id());
      }
    }
  }

  @Test
  void acceptsTrailingSpacesTabsAndWindowsLineEnds() throws IOException {
    // The C word2vec tool ends each line with a space; some tools separate values by tabs.
    WordVectors vectors = read("2 3\r\nking 0.1 0.2 0.3 \r\nqueen\t0.4  0.5\t0.6\r\n\r\n", VectorFormat.WORD2VEC_TEXT);
    assertEquals("queen", vectors.word(1));
    assertArrayEquals(new float[] {0.4f, 0.5f, 0.6f}, vectors.vector(1));
  }

  /** Old Mac line ends: the text formats split lines as every other reader does (LineReader). */
  @Test
  void linesMayEndAtALoneCarriageReturn() throws IOException {
    assertArrayEquals(new float[] {3, 4}, read("2 2\rking 1 2\rqueen 3 4\r", VectorFormat.WORD2VEC_TEXT).vector(1));
    assertEquals("b", read("a 1 2\rb 3 4\r", VectorFormat.GLOVE).word(1));
  }

  @Test
  void aLastLineWithoutALineBreakIsRefusedAsPerhapsCutShort() throws IOException {
    // cut inside its last number, "0.95" would read as "0." with every count still right
    for (VectorFormat format : new VectorFormat[] {VectorFormat.GLOVE, VectorFormat.WORD2VEC_TEXT}) {
      String header = format == VectorFormat.GLOVE ? "" : "2 2\n";
      InputFormatException e = failure(header + "a 1 2\nb 3 0.", format);
      assertEquals("v.txt:" + (format == VectorFormat.GLOVE ? 2 : 3) + ": the last line has no line break at its"
          + " end, so the file may be cut short, its last value with it (if the file is whole, end it with a line"
          + " break)", e.getMessage());
      assertEquals(2, read(header + "a 1 2\nb 3 0.95\n", format).size());
    }
  }

  @Test
  void gloveTakesItsDimensionFromTheFirstLine() throws IOException {
    WordVectors vectors = read("the 0.418 0.24968 -0.41242\n, 0.013441 0.23682 -0.16899\n", VectorFormat.GLOVE);
    assertEquals(3, vectors.dimension());
    assertEquals(",", vectors.word(1));
    assertEquals(-0.16899f, vectors.get(1, 2));
  }

  @Test
  void readsLinesLongerThanTheReadBuffer() throws IOException {
    StringBuilder line = new StringBuilder("long");
    for (int i = 0; i < 100_000; i++) {
      line.append(" 0.123456");
    }
    WordVectors vectors = read("1 100000\n" + line + "\n", VectorFormat.WORD2VEC_TEXT);
    assertEquals(0.123456f, vectors.get(0, 99_999));
  }

  @Test
  void detectsTextWithAHeaderAndGloveWithout() throws IOException {
    Path word2vec = Files.writeString(directory.resolve("a.txt"), "1 2\nx 1 2\n");
    Path glove = Files.writeString(directory.resolve("b.txt"), "x 1 2\n");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(word2vec));
    assertEquals(VectorFormat.GLOVE, VectorFiles.detect(glove));
  }

  /** Detection reads a header and a first row as the readers do: to a line end of any kind, or the file's end. */
  @Test
  void detectsWord2vecTextWithOldMacLineEndsOrAHeaderAlone() throws IOException {
    Path mac = Files.writeString(directory.resolve("mac.txt"), "2 2\rking 1 2\rqueen 3 4\r");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(mac));
    assertEquals("queen", VectorFiles.read(mac).word(1));
    Path hexadecimal = Files.writeString(directory.resolve("hex.txt"), "1 2\na 0x1.8p1 -0x1p-2\n");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(hexadecimal), "C's %a spelling");
    assertArrayEquals(new float[] {3, -0.25f}, VectorFiles.read(hexadecimal).vector(0));
    Path headerAlone = Files.writeString(directory.resolve("header.txt"), "3 100");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(headerAlone));
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(headerAlone));
    assertEquals(headerAlone + ":1: header declares 3 words x 100 dimensions, more than a file of 5 bytes can hold",
        e.getMessage());
  }

  /**
   * A first row the header does not describe, in a file of text throughout, is damaged text: the text reader names
   * what is wrong at its line, where reading it as binary would fail elsewhere or, worse, read floats from its digits.
   */
  @Test
  void aFirstRowThatDisagreesWithTheHeaderIsReadAsTextAndNamed() throws IOException {
    Map<String, String> expected = Map.of(
        "2 2\nab 1 2 3\ncd 4 5\n", ":2: expected 2 values after word 'ab', found 3",
        "1 2\na 1,5 2,5\n", ":2: not a number: '1,5'",
        "2 2\nab 1 2 3 4\ncd 5 6 7 8\n", ":2: expected 2 values after word 'ab', found 4",
        "1 5\n2 6\n3 7\n", ":2: expected 5 values after word '2', found 1",
        // as long as a binary record of 2 floats: yet only digits and spaces, which no float file is made of
        "2 2\na 1 2 3 45\nb 5 6 7 89\n", ":2: expected 2 values after word 'a', found 4");
    int file = 0;
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      Path path = Files.writeString(directory.resolve("damaged" + file++ + ".txt"), entry.getKey());
      assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(path), entry.getKey());
      InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(path));
      assertEquals(path + entry.getValue(), e.getMessage());
    }
  }

  /** A byte-order mark (some editors write one) is dropped, as LineReader drops it, rather than made part of a word. */
  @Test
  void aByteOrderMarkIsNotPartOfTheFirstWordOrHeader() throws IOException {
    assertEquals("the", read("\uFEFFthe 0.1 0.2\nof 0.3 0.4\n", VectorFormat.GLOVE).word(0));
    Path word2vec = Files.writeString(directory.resolve("bom.txt"), "\uFEFF2 2\nthe 0.1 0.2\nof 0.3 0.4\n");
    assertEquals(VectorFormat.WORD2VEC_TEXT, VectorFiles.detect(word2vec));
    assertEquals("of", VectorFiles.read(word2vec).word(1));
  }

  @Test
  void gloveLinesWiderThanTheDimensionLimitAreRefused() {
    String wide = "x" + " 1".repeat(VectorHeader.MAX_DIMENSION + 1) + "\n";
    assertEquals("v.txt:1: " + (VectorHeader.MAX_DIMENSION + 1) + " values after the word, more than the "
        + VectorHeader.MAX_DIMENSION + " dimensions the readers accept",
        failure(wide, VectorFormat.GLOVE).getMessage());
  }

  @Test
  void wrongNumberOfValuesNamesTheLine() {
    InputFormatException e = failure("3 2\na 1 2\nb 1 2 3\nc 1 2\n", VectorFormat.WORD2VEC_TEXT);
    assertEquals("v.txt:3: expected 2 values after word 'b', found 3", e.getMessage());
    assertEquals(3, e.position());
    assertFalse(e.isByteOffset());
    assertEquals("v.txt:2: expected 3 values after word 'b', found 2",
        failure("a 1 2 3\nb 1 2\n", VectorFormat.GLOVE).getMessage());
  }

  @Test
  void nonNumericValueNamesTheLineAndValue() {
    assertEquals("v.txt:3: not a number: '0.2x'",
        failure("2 2\na 1 2\nb 0.1 0.2x\n", VectorFormat.WORD2VEC_TEXT).getMessage());
    assertEquals("v.txt:1: not a finite number: 'NaN'", failure("a NaN 1\n", VectorFormat.GLOVE).getMessage());
  }

  @Test
  void fewerWordsThanTheHeaderDeclaresIsAnError() {
    assertEquals("v.txt:4: header declares 5 words but the file ends after 2",
        failure("5 2\na 1 2\nb 1 2\n", VectorFormat.WORD2VEC_TEXT).getMessage());
  }

  @Test
  void moreWordsThanTheHeaderDeclaresIsAnError() {
    assertEquals("v.txt:3: more vectors than the 1 the header declares",
        failure("1 2\na 1 2\nb 1 2\n", VectorFormat.WORD2VEC_TEXT).getMessage());
  }

  @Test
  void aWordThatIsNotUtf8IsAnErrorNotAReplacementCharacter() {
    // Replaced by U+FFFD, "a\xff" and "a\xfe" would both have become "a\ufffd".
    byte[] text = {'2', ' ', '1', '\n', 'a', (byte) 0xff, ' ', '1', '\n', 'a', (byte) 0xfe, ' ', '2', '\n'};
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(new ByteArrayInputStream(text), "v.txt", VectorFormat.WORD2VEC_TEXT));
    assertEquals("v.txt:2: cannot decode word 'a\\xff': not valid UTF-8", e.getMessage());
  }

  @Test
  void duplicateWordNamesBothLines() {
    assertEquals("v.txt:5: duplicate word 'a', already on line 2",
        failure("4 1\na 1\nb 2\nc 3\na 4\n", VectorFormat.WORD2VEC_TEXT).getMessage());
    assertEquals("v.txt:2: duplicate word 'a', already on line 1",
        failure("a 1\na 4\n", VectorFormat.GLOVE).getMessage());
  }

  @Test
  void badHeaderIsAnError() {
    assertEquals("v.txt:1: expected a '<words> <dimension>' header, found 'a 1 2'",
        failure("a 1 2\n", VectorFormat.WORD2VEC_TEXT).getMessage());
    assertEquals("v.txt:1: expected a '<words> <dimension>' header, found '2 0'",
        failure("2 0\n", VectorFormat.WORD2VEC_TEXT).getMessage());
    assertEquals("v.txt:1: empty file, expected a '<words> <dimension>' header",
        failure("", VectorFormat.WORD2VEC_TEXT).getMessage());
  }

  @Test
  void headerPromisingMoreThanTheFileHoldsFailsBeforeAllocating() throws IOException {
    Path file = Files.writeString(directory.resolve("v.txt"), "900000000 300\na 1\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(file, VectorFormat.WORD2VEC_TEXT));
    assertEquals(file + ":1: header declares 900000000 words x 300 dimensions, more values than one Java"
        + " array holds", e.getMessage());
    Path small = Files.writeString(directory.resolve("w.txt"), "1000000 3\na 1 2 3\n");
    assertEquals(small + ":1: header declares 1000000 words x 3 dimensions, more than a file of 18 bytes"
        + " can hold", assertThrows(InputFormatException.class, () -> VectorFiles.read(small)).getMessage());
  }

  @Test
  void blankLineBetweenVectorsIsAnError() {
    assertEquals("v.txt:2: empty line", failure("a 1\n\nb 2\n", VectorFormat.GLOVE).getMessage());
  }

  @Test
  void lineStartingWithASpaceIsAnError() {
    assertEquals("v.txt:2: line starts with a space, expected a word",
        failure("a 1\n 2\n", VectorFormat.GLOVE).getMessage());
  }

  /** An empty GloVe file would be refused by every reader, this one too. */
  @Test
  void vectorsWithoutAWordAreNotWrittenAsGlove() {
    WordVectors none = new WordVectors(List.of(), 4, new float[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorFormat.GLOVE.write(none, OutputStream.nullOutputStream()));
    assertEquals("GloVe text cannot hold vectors without a word; write word2vec text", e.getMessage());
    Path file = directory.resolve("none.glove");
    IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
        () -> VectorFiles.write(none, file, VectorFormat.GLOVE));
    assertEquals(file + ": GloVe text cannot hold vectors without a word; write word2vec text", named.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void emptyGloveFileIsAnError() {
    assertEquals("v.txt:1: empty file, expected '<word> <value> ...' lines",
        failure("", VectorFormat.GLOVE).getMessage());
    assertEquals("v.txt:1: expected '<word> <value> ...', found 'lonely'",
        failure("lonely\n", VectorFormat.GLOVE).getMessage());
  }
}
