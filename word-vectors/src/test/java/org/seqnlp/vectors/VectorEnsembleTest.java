package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
  void trainingMakesTheConcatenationOfMembersWithConsecutiveSeeds() {
    List<Long> seeds = new ArrayList<>();
    WordVectors ensemble = VectorEnsemble.train(2, 1, seed -> {
      seeds.add(seed);
      return seed == 1 ? FIRST : RandomVectors.gaussian(50, 8, 3);
    });
    assertEquals(List.of(1L, 2L), seeds);
    WordVectors expected = VectorEnsemble.concatenate(List.of(FIRST, RandomVectors.gaussian(50, 8, 3)));
    assertEquals(16, ensemble.dimension());
    for (int row = 0; row < expected.size(); row++) {
      for (int d = 0; d < 16; d++) {
        assertEquals(expected.get(row, d), ensemble.get(row, d), 1e-7, "row " + row + ", dimension " + d);
      }
    }
  }

  @Test
  void oneMemberIsReturnedAsTrained() {
    assertSame(FIRST, VectorEnsemble.train(1, 5, seed -> FIRST));
  }

  @Test
  void trainingRefusesTooManyDimensionsSeedsThatOverflowAndMembersOfAnotherShape() {
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.train(2, 1, seed -> RandomVectors.gaussian(2, VectorEnsemble.MAX_DIMENSION, seed)));
    assertTrue(wide.getMessage().contains("more than the " + VectorEnsemble.MAX_DIMENSION), wide.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.train(2, Long.MAX_VALUE, seed -> FIRST));
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.train(0, 1, seed -> FIRST));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.train(2, 1, seed -> seed == 1 ? FIRST : SECOND));
    assertTrue(shape.getMessage().contains("member 1 has 6 dimensions, member 0 has 8"), shape.getMessage());
  }

  @Test
  void describesAnEnsembleByItsSeeds() {
    assertEquals("an ensemble of 3 trainings (seeds 7 to 9)", VectorEnsemble.describe(3, 7));
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
