package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

  private static final WordVectors THREE = new WordVectors(List.of("a", "b", "c"), 2,
      new float[] {0, 0, -0f, Float.MIN_VALUE, 1, 0});

  @Test
  void aRowIsZeroOnlyWhenEveryComponentIs() {
    assertTrue(THREE.isZero(0));
    assertFalse(THREE.isZero(1), "a subnormal component still gives a direction");
    assertFalse(THREE.isZero(2));
  }

  @Test
  void wordsAreTheVocabularyInRowOrderAndCannotBeChanged() {
    assertEquals(List.of("a", "b", "c"), THREE.words());
    assertThrows(UnsupportedOperationException.class, () -> THREE.words().add("d"));
  }
}
