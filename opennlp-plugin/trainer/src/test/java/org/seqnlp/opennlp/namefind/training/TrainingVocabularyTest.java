package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.WordVectors;

class TrainingVocabularyTest {

  private static final List<LabeledSentence> SENTENCES = List.of(
      new LabeledSentence(new String[] {"The", "cat", "sat", "on", "the", "Mat"}, new int[6]),
      new LabeledSentence(new String[] {"the", "dog", "sat", "in", "1984"}, new int[5]));

  /** Vectors for {@code count} invented words, most frequent first, after "dog" and "the" (both in training). */
  private static WordVectors vectors(int count) {
    List<String> words = new ArrayList<>(List.of("dog", "The"));
    for (int i = 0; words.size() < count; i++) {
      words.add(letters(i));
    }
    return new WordVectors(words, 2, new float[count * 2]);
  }

  /** A word of letters for {@code i}: the encoder folds digits, so "w1" and "w2" would be one word. */
  private static String letters(int i) {
    StringBuilder word = new StringBuilder("w");
    for (int rest = i; rest > 0 || word.length() == 1; rest /= 26) {
      word.append((char) ('a' + rest % 26));
    }
    return word.toString();
  }

  @Test
  void trainingWordsByFrequencyThenTheVectorsMostFrequentWordsUpToTheLimit() {
    TrainingVocabulary vocabulary = new TrainingVocabulary(SENTENCES, vectors(1000), 12);
    assertEquals(List.of("<unk>", "the", "sat", "0000", "cat", "dog", "in", "mat", "on", "wa", "wb", "wc"),
        vocabulary.words().tokens());
    assertTrue(vocabulary.isSingleton(vocabulary.words().id("cat")));
    assertFalse(vocabulary.isSingleton(vocabulary.words().id("dog")), "it has a vector");
  }

  @Test
  void aLimitAboveAllWordsKeepsEveryVectorWordOnce() {
    TrainingVocabulary vocabulary = new TrainingVocabulary(SENTENCES, vectors(300_000), 400_000);
    // <unk>, 8 training words, and the 299,998 vector words not among them
    assertEquals(1 + 8 + 299_998, vocabulary.words().size());
  }

  @Test
  void aLimitBelowTheTrainingWordsKeepsTheMostFrequent() {
    assertEquals(List.of("<unk>", "the", "sat"), new TrainingVocabulary(SENTENCES, vectors(10), 3).words().tokens());
  }
}
