package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vectors.RandomVectors;
import org.seqnlp.vectors.WordVectors;

class VectorFormatTest {

  @TempDir
  Path directory;

  /** Words and values that test the edges of every format: non-ASCII words, signed zero, extremes. */
  private static WordVectors awkwardVectors() {
    List<String> words = List.of("the", "Ærøskøbing", "naïve", "日本語", "don't", "x", "1e5", "b64:word");
    float[] values = {
        0.5f, -0.25f, 1e-7f, 3,
        -0f, 123456.79f, -1.4e-45f, Float.MAX_VALUE,
        1.17549435e-38f, -3.4e38f, 0.1f, 0.2f,
        0.30000001f, 7, -8, 9,
        1, 0, 0, 0,
        -1e-30f, 1e30f, 42.42f, -0.001f,
        2, 2, 2, 2,
        0.125f, -0.125f, 0.0625f, 1e-5f};
    return new WordVectors(words, 4, values);
  }

  private static void assertSameVectors(WordVectors expected, WordVectors actual) {
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.dimension(), actual.dimension());
    List<String> expectedWords = new ArrayList<>();
    List<String> actualWords = new ArrayList<>();
    for (int row = 0; row < expected.size(); row++) {
      expectedWords.add(expected.word(row));
      actualWords.add(actual.word(row));
    }
    assertEquals(expectedWords, actualWords);
    assertArrayEquals(RandomVectors.values(expected), RandomVectors.values(actual));
  }

  private static byte[] write(WordVectors vectors, VectorFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(vectors, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQNLP_INT8")
  void roundTripsExactlyThroughAStream(VectorFormat format) throws IOException {
    WordVectors vectors = awkwardVectors();
    byte[] bytes = write(vectors, format);
    assertSameVectors(vectors, VectorFiles.read(new ByteArrayInputStream(bytes), "test", format));
    assertSameVectors(vectors, VectorFiles.read(new ByteArrayInputStream(bytes), "test"));
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQNLP_INT8")
  void roundTripsThroughAFileAndDetectsTheFormat(VectorFormat format) throws IOException {
    WordVectors vectors = RandomVectors.gaussian(300, 25, 11);
    Path file = directory.resolve("vectors." + format.id());
    VectorFiles.write(vectors, file, format);
    assertEquals(format, VectorFiles.detect(file));
    assertSameVectors(vectors, VectorFiles.read(file));
    assertSameVectors(vectors, VectorFiles.read(file, format));
    try (var files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "SEQNLP_INT8")
  void readsAndDetectsGzipCompressedFiles(VectorFormat format) throws IOException {
    WordVectors vectors = RandomVectors.gaussian(50, 7, 12);
    Path file = directory.resolve("vectors.gz");
    VectorFiles.write(vectors, file, format);
    assertEquals(format, VectorFiles.detect(file));
    assertSameVectors(vectors, VectorFiles.read(file));
  }

  @Test
  void overwritesAnExistingFile() throws IOException {
    Path file = directory.resolve("vectors.bin");
    VectorFiles.write(RandomVectors.gaussian(10, 3, 1), file, VectorFormat.WORD2VEC_BINARY);
    WordVectors second = RandomVectors.gaussian(20, 3, 2);
    VectorFiles.write(second, file, VectorFormat.WORD2VEC_BINARY);
    assertSameVectors(second, VectorFiles.read(file));
  }

  @Test
  void writesTheWord2vecTextLayout() throws IOException {
    WordVectors vectors = new WordVectors(List.of("a", "é"), 2, new float[] {1, -0.5f, 0.25f, 2});
    assertEquals("2 2\na 1.0 -0.5\né 0.25 2.0\n",
        new String(write(vectors, VectorFormat.WORD2VEC_TEXT), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("a 1.0 -0.5\né 0.25 2.0\n",
        new String(write(vectors, VectorFormat.GLOVE), java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, names = {"WORD2VEC_TEXT", "WORD2VEC_BINARY", "GLOVE"})
  void refusesToWriteWordsItCannotSpell(VectorFormat format) {
    for (String word : List.of("two words", "tab\there", "line\nbreak")) {
      WordVectors vectors = new WordVectors(List.of(word), 1, new float[] {1});
      assertThrows(IllegalArgumentException.class, () -> write(vectors, format), word);
    }
    assertThrows(IllegalArgumentException.class, () -> format.requireWritable(""));
  }

  /** No text gives an empty token; a file holding one as a word is damaged, in any format. */
  @Test
  void anEmptyWordIsRefusedWhenReadFromASeqnlpFile() throws IOException {
    TensorBundle bundle = new TensorBundle().addText("format", "seqnlp-vectors").addText("precision", "float32")
        .addText("dimension", "1").addStrings("words", List.of("king", "")).add(new Tensor("vectors",
            new int[] {2, 1}, new float[] {1, 2}));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TensorFile.write(bundle, bytes);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "empty.sq"));
    assertTrue(e.getMessage().matches("empty\\.sq: byte \\d+: an empty word at row 1"), e.getMessage());
    assertEquals("an empty word at row 0", assertThrows(IllegalArgumentException.class,
        () -> new WordVectors(List.of(""), 1, new float[] {1})).getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = VectorFormat.class, names = {"DL4J_ZIP", "SEQNLP"})
  void formatsThatDoNotSeparateBySpacesSpellAnyWord(VectorFormat format) throws IOException {
    WordVectors vectors = new WordVectors(List.of("two words", "tab\there"), 1, new float[] {1, 2});
    assertSameVectors(vectors, VectorFiles.read(new ByteArrayInputStream(write(vectors, format)), "test"));
  }

  @Test
  void readsAnEmptyVocabularyWithAHeader() throws IOException {
    WordVectors empty = new WordVectors(List.of(), 3, new float[0]);
    for (VectorFormat format : List.of(VectorFormat.WORD2VEC_TEXT, VectorFormat.WORD2VEC_BINARY,
        VectorFormat.DL4J_ZIP, VectorFormat.SEQNLP, VectorFormat.SEQNLP_INT8)) {
      assertSameVectors(empty, VectorFiles.read(new ByteArrayInputStream(write(empty, format)), "t", format));
    }
  }

  @Test
  void findsFormatsByIdIgnoringCase() {
    for (VectorFormat format : VectorFormat.values()) {
      assertEquals(format, VectorFormat.forId(format.id()));
      assertEquals(format, VectorFormat.forId(format.id().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorFormat.forId("csv"));
    assertEquals("unknown vector format 'csv', expected one of word2vec-text, word2vec-binary, glove, dl4j-zip,"
        + " seqnlp, seqnlp-int8", e.getMessage());
  }
}
