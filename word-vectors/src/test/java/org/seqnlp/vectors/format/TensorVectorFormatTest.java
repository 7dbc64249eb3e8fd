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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.RandomVectors;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;

/** The SeqNLP vector file: subword models, 8-bit rows and what a reader refuses. */
class TensorVectorFormatTest {

  @TempDir
  Path directory;

  private static WordVectors subwordModel() {
    CharacterNgrams ngrams = new CharacterNgrams(3, 5, 97);
    Random random = new Random(5);
    float[] buckets = new float[97 * 4];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = (float) random.nextGaussian();
    }
    WordVectors words = RandomVectors.gaussian(30, 4, 6);
    return new WordVectors(List.of(words.word(0), "walking", "talked"), 4,
        java.util.Arrays.copyOf(RandomVectors.values(words), 12), new SubwordVectors(ngrams, 4, buckets));
  }

  @Test
  void aSubwordModelKeepsItsNgramsSoUnseenWordsGetTheSameVectors() throws IOException {
    WordVectors model = subwordModel();
    Path file = directory.resolve("model.seqnlp");
    VectorFiles.write(model, file, VectorFormat.SEQNLP);
    assertEquals(VectorFormat.SEQNLP, VectorFiles.detect(file));
    WordVectors read = VectorFiles.read(file);
    assertEquals(model.subwords().orElseThrow().ngrams(), read.subwords().orElseThrow().ngrams());
    assertArrayEquals(RandomVectors.values(model), RandomVectors.values(read));
    assertArrayEquals(model.vectorOf("walked"), read.vectorOf("walked"));
    assertArrayEquals(model.vectorOf("talked"), read.vectorOf("talked"));
  }

  @Test
  void otherFormatsWriteTheVocabularysVectorsAlone() throws IOException {
    WordVectors model = subwordModel();
    Path file = directory.resolve("model.bin");
    VectorFiles.write(model, file, VectorFormat.WORD2VEC_BINARY);
    WordVectors read = VectorFiles.read(file);
    assertArrayEquals(RandomVectors.values(model), RandomVectors.values(read));
    assertTrue(read.subwords().isEmpty());
    assertTrue(VectorFormat.SEQNLP.keepsSubwords() && VectorFormat.SEQNLP_INT8.keepsSubwords());
    assertTrue(!VectorFormat.WORD2VEC_BINARY.keepsSubwords());
  }

  @Test
  void eightBitFilesAreAQuarterOfTheSizeAndCloseToTheFloats() throws IOException {
    WordVectors vectors = RandomVectors.gaussian(500, 100, 3);
    Path floats = directory.resolve("float.seqnlp");
    Path bytes = directory.resolve("int8.seqnlp");
    VectorFiles.write(vectors, floats, VectorFormat.SEQNLP);
    VectorFiles.write(vectors, bytes, VectorFormat.SEQNLP_INT8);
    assertEquals(VectorFormat.SEQNLP_INT8, VectorFiles.detect(bytes));
    double ratio = (double) Files.size(bytes) / Files.size(floats);
    assertTrue(ratio > 0.25 && ratio < 0.3, "size ratio " + ratio);
    WordVectors read = VectorFiles.read(bytes);
    float[] expected = RandomVectors.values(vectors);
    float[] actual = RandomVectors.values(read);
    for (int row = 0; row < vectors.size(); row++) {
      float largest = 0;
      for (int k = 0; k < 100; k++) {
        largest = Math.max(largest, Math.abs(expected[row * 100 + k]));
      }
      for (int k = 0; k < 100; k++) {
        assertEquals(expected[row * 100 + k], actual[row * 100 + k], largest / 127 / 2 * 1.001f);
      }
    }
    assertEquals(vectors.word(42), read.word(42));
  }

  @Test
  void eightBitSubwordModelsKeepTheirNgramsToo() throws IOException {
    WordVectors model = subwordModel();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorFormat.SEQNLP_INT8.write(model, out);
    WordVectors read = VectorFiles.read(new ByteArrayInputStream(out.toByteArray()), "m", VectorFormat.SEQNLP);
    assertArrayEquals(model.vectorOf("walked"), read.vectorOf("walked"), 0.05f);
  }

  @Test
  void otherTensorFilesAndBadEntriesAreNamedErrors() throws IOException {
    TensorBundle network = new TensorBundle().addText("architecture", "bilstm-crf")
        .add(new Tensor("w", new int[] {1}, new float[] {1}));
    InputFormatException notVectors = assertThrows(InputFormatException.class, () -> read(network));
    assertTrue(notVectors.getMessage().endsWith("a SeqNLP tensor file, but not of word vectors (no text 'format' ="
        + " 'seqnlp-vectors')"), notVectors.getMessage());

    TensorBundle duplicate = vectors(List.of("a", "a"), new float[] {1, 2}, "float32");
    assertTrue(assertThrows(InputFormatException.class, () -> read(duplicate)).getMessage()
        .contains("duplicate word 'a'"));
    TensorBundle precision = vectors(List.of("a"), new float[] {1}, "int4");
    assertTrue(assertThrows(InputFormatException.class, () -> read(precision)).getMessage()
        .endsWith("unknown precision 'int4', expected float32 or int8"));
    TensorBundle shape = vectors(List.of("a", "b", "c"), new float[] {1, 2}, "float32");
    assertTrue(assertThrows(InputFormatException.class, () -> read(shape)).getMessage()
        .endsWith("tensor 'vectors' has shape [2, 1], expected [3, 1]"));
    TensorBundle ngrams = vectors(List.of("a"), new float[] {1}, "float32").addText("subword-min-n", "5")
        .addText("subword-max-n", "3").addText("subword-buckets", "2");
    assertTrue(assertThrows(InputFormatException.class, () -> read(ngrams)).getMessage()
        .endsWith("n-gram lengths must satisfy 1 <= min <= max <= 20, not 5,3"));
    TensorBundle noBuckets = vectors(List.of("a"), new float[] {1}, "float32").addText("subword-min-n", "3")
        .addText("subword-max-n", "5");
    String lost = assertThrows(InputFormatException.class, () -> read(noBuckets)).getMessage();
    assertTrue(lost.contains("subword-buckets"), "a subword part without its buckets is not dropped: " + lost);
    TensorBundle noSettings = vectors(List.of("a"), new float[] {1}, "float32")
        .add(new Tensor("ngram-vectors", new int[] {2, 1}, new float[] {1, 2}));
    String unread = assertThrows(InputFormatException.class, () -> read(noSettings)).getMessage();
    assertTrue(unread.contains("subword-min-n"), "n-gram vectors without their settings are not dropped: " + unread);
    TensorBundle extra = vectors(List.of("a"), new float[] {1}, "float32").addText("normalised", "true");
    assertTrue(assertThrows(InputFormatException.class, () -> read(extra)).getMessage()
        .endsWith("entry 'normalised' is not part of a word-vector file"));
  }

  private static TensorBundle vectors(List<String> words, float[] values, String precision) {
    return new TensorBundle().addText("format", "seqnlp-vectors").addText("precision", precision)
        .addText("dimension", "1").addStrings("words", words)
        .add(new Tensor("vectors", new int[] {values.length, 1}, values));
  }

  private static WordVectors read(TensorBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(bundle, out);
    return VectorFiles.read(new ByteArrayInputStream(out.toByteArray()), "v.seqnlp");
  }
}
