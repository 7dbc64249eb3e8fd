package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubwordVectorsTest {

  /** Bucket b holds (b, -b). */
  private static SubwordVectors counting(CharacterNgrams ngrams) {
    float[] matrix = new float[ngrams.buckets() * 2];
    for (int b = 0; b < ngrams.buckets(); b++) {
      matrix[2 * b] = b;
      matrix[2 * b + 1] = -b;
    }
    return new SubwordVectors(ngrams, 2, matrix);
  }

  @Test
  void aWordsVectorIsTheMeanOfItsNgramBuckets() {
    CharacterNgrams ngrams = new CharacterNgrams(3, 6, 1000);
    int[] buckets = ngrams.bucketsOf("where");
    float mean = 0;
    for (int bucket : buckets) {
      mean += (float) bucket / buckets.length;
    }
    float[] vector = counting(ngrams).vector("where");
    assertArrayEquals(new float[] {mean, -mean}, vector, 1e-3f);
    assertNull(counting(ngrams).vector(""), "no trigram in '<>'");
  }

  @Test
  void wordVectorsGiveKnownWordsTheirRowAndOthersTheirNgrams() {
    SubwordVectors subwords = counting(new CharacterNgrams(3, 6, 1000));
    WordVectors vectors = new WordVectors(List.of("here"), 2, new float[] {7, 8}, subwords);
    assertArrayEquals(new float[] {7, 8}, vectors.vectorOf("here"));
    assertArrayEquals(subwords.vector("where"), vectors.vectorOf("where"));
    assertTrue(vectors.subwords().isPresent());
    WordVectors plain = vectors.withoutSubwords();
    assertNull(plain.vectorOf("where"));
    assertTrue(plain.subwords().isEmpty());
    assertArrayEquals(new float[] {7, 8}, plain.vectorOf("here"));
    assertSame(plain, plain.withoutSubwords());
  }

  @Test
  void shapesMustAgree() {
    CharacterNgrams ngrams = new CharacterNgrams(3, 6, 10);
    assertThrows(IllegalArgumentException.class, () -> new SubwordVectors(ngrams, 2, new float[19]));
    SubwordVectors subwords = new SubwordVectors(ngrams, 2, new float[20]);
    assertThrows(IllegalArgumentException.class,
        () -> new WordVectors(List.of("a"), 3, new float[3], subwords));
  }
}
