package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.settings.SettingRange;

class VectorEnsembleTest {

  private static final WordVectors FIRST = RandomVectors.gaussian(50, 8, 1);
  private static final WordVectors SECOND = RandomVectors.gaussian(50, 8, 2);

  private static WordVectors pair() {
    return VectorEnsemble.train(2, 1, seed -> seed == 1 ? FIRST : SECOND);
  }

  @Test
  void membersAreTrainedWithConsecutiveSeeds() {
    List<Long> seeds = new ArrayList<>();
    VectorEnsemble.train(3, 5, seed -> {
      seeds.add(seed);
      return FIRST;
    });
    assertEquals(List.of(5L, 6L, 7L), seeds);
  }

  @Test
  void cosineIsTheMeanOfTheMembersCosines() {
    WordVectors ensemble = pair();
    assertEquals(16, ensemble.dimension());
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
  void eachMemberIsItsUnitVectorsInItsOwnColumns() {
    float[] row = pair().vector(3);
    double first = 0;
    double second = 0;
    for (int d = 0; d < 8; d++) {
      first += row[d] * row[d];
      second += row[8 + d] * row[8 + d];
      assertEquals(FIRST.get(3, d), row[d] * norm(FIRST.vector(3)), 1e-5);
    }
    assertEquals(1, first, 1e-6);
    assertEquals(1, second, 1e-6);
  }

  private static double norm(float[] vector) {
    double squares = 0;
    for (float value : vector) {
      squares += value * value;
    }
    return Math.sqrt(squares);
  }

  @Test
  void oneMemberIsReturnedAsTrained() {
    assertSame(FIRST, VectorEnsemble.train(1, 5, seed -> FIRST));
  }

  @Test
  void refusesMembersOfAnotherShape() {
    WordVectors ab = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, 1});
    WordVectors ba = new WordVectors(List.of("b", "a"), 2, new float[] {1, 0, 0, 1});
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.train(2, 1, seed -> seed == 1 ? ab : ba));
    assertTrue(order.getMessage().contains("member 1 has 'b' at row 0, member 0 has 'a'"), order.getMessage());
    IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.train(2, 1, seed -> seed == 1 ? FIRST : RandomVectors.gaussian(50, 6, 2)));
    assertTrue(dimension.getMessage().contains("member 1 has 6 dimensions, member 0 has 8"), dimension.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.train(2, 1, seed -> seed == 1 ? FIRST : ab));
    SubwordVectors ngrams = new SubwordVectors(new CharacterNgrams(3, 3, 4), 2, new float[8]);
    WordVectors subwords = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, 1}, ngrams);
    IllegalArgumentException subword = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.train(2, 1, seed -> subwords));
    assertTrue(subword.getMessage().contains("subword"), subword.getMessage());
  }

  @Test
  void checksSizeDimensionsAndSeedsBeforeTraining() {
    List<Long> seeds = new ArrayList<>();
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.train(0, 1, seed -> {
      seeds.add(seed);
      return FIRST;
    }));
    assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.train(2, Long.MAX_VALUE, seed -> {
      seeds.add(seed);
      return FIRST;
    }));
    assertEquals(List.of(), seeds);
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> VectorEnsemble.check(2, SettingRange.MAX_DIMENSION, 1));
    assertTrue(wide.getMessage().contains("more than the 10,000 of any trained vectors"), wide.getMessage());
    VectorEnsemble.check(2, SettingRange.MAX_DIMENSION / 2, Long.MAX_VALUE - 1);
    VectorEnsemble.check(1, SettingRange.MAX_DIMENSION, Long.MAX_VALUE);
    assertEquals("the last seed, 9223372036854775806 + 2, passes the largest, 9223372036854775807",
        assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.checkSeeds(3, Long.MAX_VALUE - 1))
            .getMessage());
    assertEquals("an ensemble needs at least one training, got 0",
        assertThrows(IllegalArgumentException.class, () -> VectorEnsemble.checkWidth(0, 1)).getMessage());
  }

  @Test
  void eachMemberIsReleasedBeforeTheNextIsTrained() {
    List<WeakReference<WordVectors>> trained = new ArrayList<>();
    List<Boolean> released = new ArrayList<>();
    VectorEnsemble.train(3, 1, seed -> {
      if (!trained.isEmpty()) {
        released.add(collected(trained.get(trained.size() - 1)));
      }
      WordVectors member = RandomVectors.gaussian(50, 8, seed);
      trained.add(new WeakReference<>(member));
      return member;
    });
    assertEquals(List.of(true, true), released);
  }

  /** Whether the garbage collector clears {@code reference} when asked a few times. */
  private static boolean collected(WeakReference<?> reference) {
    for (int attempt = 0; attempt < 10 && reference.get() != null; attempt++) {
      System.gc();
    }
    return reference.get() == null;
  }

  @Test
  void describesAnEnsembleByItsSeeds() {
    assertEquals("an ensemble of 3 trainings (seeds 7 to 9)", VectorEnsemble.describe(3, 7));
  }
}
