package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;

class SubwordInitialisationTest {

  private static final List<LabeledSentence> SENTENCES = List.of(
      new LabeledSentence(new String[] {"we", "met", "in", "Oslo"}, new int[] {0, 0, 0, 1}),
      new LabeledSentence(new String[] {"they", "flew", "to", "Bergen"}, new int[] {0, 0, 0, 1}));

  /** Vectors for "oslo" and "in" with n-gram vectors that give "bergen" and the rest vectors too. */
  private static WordVectors subwordVectors() {
    Random random = new Random(2);
    float[] buckets = new float[200 * 4];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = (float) random.nextGaussian();
    }
    return new WordVectors(List.of("oslo", "in"), 4, new float[] {1, 2, 3, 4, -1, -2, -3, -4},
        new SubwordVectors(new CharacterNgrams(3, 5, 200), 4, buckets));
  }

  private static float[] initial(WordVectors vectors, String word) {
    TrainingVocabulary vocabulary = new TrainingVocabulary(SENTENCES, vectors, 100);
    TrainableTokenEncoder encoder = new TrainableTokenEncoder(vocabulary, vectors, TrainingSettings.DEFAULTS,
        new Random(1));
    float[] vector = new float[4];
    encoder.copyWordVector(vocabulary.words().id(word), vector);
    return vector;
  }

  @Test
  void trainingWordsOutsideTheVocabularyStartFromTheirSubwordVector() {
    WordVectors vectors = subwordVectors();
    assertArrayEquals(new float[] {1, 2, 3, 4}, initial(vectors, "oslo"));
    assertArrayEquals(vectors.vectorOf("bergen"), initial(vectors, "bergen"));
    assertArrayEquals(vectors.vectorOf("flew"), initial(vectors, "flew"));
  }

  @Test
  void withoutNgramVectorsTheyStartRandom() {
    WordVectors vectors = subwordVectors();
    float[] random = initial(vectors.withoutSubwords(), "bergen");
    assertFalse(Arrays.equals(vectors.vectorOf("bergen"), random));
    assertArrayEquals(new float[] {1, 2, 3, 4}, initial(vectors.withoutSubwords(), "oslo"));
  }
}
