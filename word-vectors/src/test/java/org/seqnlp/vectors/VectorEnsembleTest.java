package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorEnsembleTest {

  private static final WordVectors FIRST = RandomVectors.gaussian(50, 8, 1);
  private static final WordVectors SECOND = RandomVectors.gaussian(50, 6, 2);

  @Test
  void cosineIsTheMeanOfTheMembersCosines() {
    WordVectors ensemble = VectorEnsemble.concatenate(List.of(FIRST, SECOND));
    assertEquals(14, ensemble.dimension());
    assertEquals(FIRST.size(), ensemble.size());
    for (int a = 0; a < 10; a++) {
      for (int b = 0; b < 10; b++) {
        double mean = (NearestNeighboursTest.cosine(FIRST.vector(a), FIRST.vector(b))
            + NearestNeighboursTest.cosine(SECOND.vector(a), SECOND.vector(b))) / 2;
        assertEquals(mean, NearestNeighboursTest.cosine(ensemble.vector(a), ensemble.vector(b)), 1e-6);
      }
      assertEquals(FIRST.word(a), ensemble.word(a));
    }
  }

  @Test
  void eachMemberIsScaledToUnitLength() {
    WordVectors ensemble = VectorEnsemble.concatenate(List.of(FIRST, SECOND));
    float[] row = ensemble.vector(3);
    double first = 0;
    double second = 0;
    for (int d = 0; d < row.length; d++) {
      if (d < FIRST.dimension()) {
        first += row[d] * row[d];
      } else {
        second += row[d] * row[d];
      }
    }
    assertEquals(1, first, 1e-6);
    assertEquals(1, second, 1e-6);
  }

  @Test
  void refusesMembersWithOtherWords() {
    WordVectors other = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, 1});
    WordVectors swapped = new WordVectors(List.of("b", "a"), 2, new float[] {1, 0, 0, 1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.concatenate(List.of(other, swapped)));
    assertTrue(e.getMessage().contains("member 1 has 'b' at row 0, member 0 has 'a'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.concatenate(List.of(FIRST, other)));
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.concatenate(List.of()));
  }

  @Test
  void refusesSubwordModels() {
    SubwordVectors ngrams = new SubwordVectors(new CharacterNgrams(3, 3, 4), 2, new float[8]);
    WordVectors subwords = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, 1}, ngrams);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.concatenate(List.of(subwords)));
    assertTrue(e.getMessage().contains("subword"), e.getMessage());
  }
}
