package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.settings.SettingRange;

class JoinedVectorsTest {

  private static final WordVectors OWN = RandomVectors.gaussian(40, 6, 1);

  /** General vectors holding OWN's words 10 to 39 (0 to 9 are missing) and 20 others, in another order and width. */
  private static final WordVectors GENERAL = general();

  private static WordVectors general() {
    WordVectors random = RandomVectors.gaussian(50, 4, 2);
    List<String> words = new ArrayList<>();
    for (int row = 0; row < 50; row++) {
      words.add(row < 30 ? OWN.word(39 - row) : "other" + row);
    }
    return new WordVectors(words, 4, RandomVectors.values(random));
  }

  @Test
  void wordsBothSpacesHoldHaveTheMeanOfTheirCosines() {
    WordVectors joined = JoinedVectors.join(OWN, GENERAL);
    assertEquals(10, joined.dimension());
    for (int a = 10; a < 40; a++) {
      for (int b = 10; b < 40; b++) {
        double mean = (NearestNeighboursTest.cosine(OWN.vector(a), OWN.vector(b))
            + NearestNeighboursTest.cosine(GENERAL.vectorOf(OWN.word(a)), GENERAL.vectorOf(OWN.word(b)))) / 2;
        assertEquals(mean, NearestNeighboursTest.cosine(joined.vector(a), joined.vector(b)), 1e-6);
      }
    }
  }

  @Test
  void theVocabularyIsTheOwnVectorsInTheirOrder() {
    WordVectors joined = JoinedVectors.join(OWN, GENERAL);
    assertEquals(OWN.size(), joined.size());
    for (int row = 0; row < OWN.size(); row++) {
      assertEquals(OWN.word(row), joined.word(row));
    }
    assertEquals(30, JoinedVectors.shared(OWN.words(), GENERAL));
    WordVectors zeroCat = new WordVectors(List.of("cat", "dog"), 2, new float[] {0, 0, 1, 0});
    assertEquals(1, JoinedVectors.shared(List.of("cat", "dog", "cow"), zeroCat), "a zero vector joins as zeros");
  }

  @Test
  void wordsOnlyTheCollectionHoldsKeepTheirCosineAmongThemselvesAndLoseRootTwoToTheOthers() {
    WordVectors joined = JoinedVectors.join(OWN, GENERAL);
    float[] missing = joined.vector(3);
    for (int d = 6; d < 10; d++) {
      assertEquals(0, missing[d]);
    }
    assertEquals(NearestNeighboursTest.cosine(OWN.vector(3), OWN.vector(5)),
        NearestNeighboursTest.cosine(missing, joined.vector(5)), 1e-6);
    assertEquals(NearestNeighboursTest.cosine(OWN.vector(3), OWN.vector(20)) / Math.sqrt(2),
        NearestNeighboursTest.cosine(missing, joined.vector(20)), 1e-6);
  }

  @Test
  void refusesSubwordVectorsAndTooManyDimensions() {
    SubwordVectors ngrams = new SubwordVectors(new CharacterNgrams(3, 3, 4), 2, new float[8]);
    WordVectors subwords = new WordVectors(List.of("a", "b"), 2, new float[] {1, 0, 0, 1}, ngrams);
    IllegalArgumentException subword = assertThrows(IllegalArgumentException.class,
        () -> JoinedVectors.join(subwords, GENERAL));
    assertTrue(subword.getMessage().contains("subword"), subword.getMessage());
    IllegalArgumentException general = assertThrows(IllegalArgumentException.class,
        () -> JoinedVectors.join(OWN, subwords));
    assertTrue(general.getMessage().startsWith("the general vectors have subword vectors"), general.getMessage());
    WordVectors wide = RandomVectors.gaussian(2, 1001, 3);
    assertEquals("9,000 + 1,001 dimensions are 10,001, more than the 10,000 of any trained vectors",
        assertThrows(IllegalArgumentException.class, () -> JoinedVectors.check(9000, wide)).getMessage());
    JoinedVectors.check(SettingRange.MAX_DIMENSION - 1001, wide);
  }
}
