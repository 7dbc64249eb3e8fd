package org.seqnlp.eval.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KneserNeyLanguageModelTest {

  private static final List<String> WORDS = List.of("the", "cat", "dog", "sees", "a", "tree", "runs");

  private static List<List<String>> corpus() {
    Random random = new Random(3);
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<String> sentence = new ArrayList<>();
      int length = 1 + random.nextInt(6);
      for (int j = 0; j < length; j++) {
        sentence.add(WORDS.get(random.nextInt(j == 0 ? 2 : WORDS.size())));
      }
      sentences.add(sentence);
    }
    return sentences;
  }

  @Test
  void nextTokenDistributionSumsToOneInSeenAndUnseenContexts() {
    List<String> outcomes = new ArrayList<>(WORDS);
    outcomes.add(KneserNeyLanguageModel.END_OF_SENTENCE);
    outcomes.add("<unk>");
    for (int order : new int[] {1, 3, 5}) {
      KneserNeyLanguageModel model = new KneserNeyLanguageModel(order, corpus());
      for (List<String> history : List.of(List.<String>of(), List.of("the", "cat"), List.of("tree", "tree", "runs"),
          List.of("zebra"))) {
        double sum = outcomes.stream().mapToDouble(next -> model.probability(history, next)).sum();
        assertEquals(1.0, sum, 1e-9, "order " + order + ", history " + history);
      }
    }
  }

  @Test
  void sentenceProbabilityChainsNextTokenProbabilitiesEndOfSentenceIncluded() {
    KneserNeyLanguageModel model = new KneserNeyLanguageModel(3, corpus());
    double expected = Math.log(model.probability(List.of(), "the")) + Math.log(model.probability(List.of("the"),
        "cat")) + Math.log(model.probability(List.of("the", "cat"), KneserNeyLanguageModel.END_OF_SENTENCE));
    assertEquals(expected, model.logProbability("the", "cat"), 1e-12);
    assertEquals(Math.exp(expected), model.calculateProbability("the", "cat"), 1e-15);
  }

  @Test
  void unseenWordsKeepNonZeroProbability() {
    KneserNeyLanguageModel model = new KneserNeyLanguageModel(3, corpus());
    assertTrue(model.calculateProbability("the", "zebra") > 0);
  }

  @Test
  void predictsTheObviousContinuation() {
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sentences.add(List.of("new", "york", "city"));
    }
    sentences.add(List.of("york"));
    KneserNeyLanguageModel model = new KneserNeyLanguageModel(3, sentences);
    assertArrayEquals(new String[] {"york", "city"}, model.predictNextTokens("new"));
  }

  @Test
  void theContinuationNeverHoldsTheUnknownToken() {
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sentences.add(List.of("the", "<unk>", "<unk>", "rose"));
    }
    sentences.add(List.of("the", "rose"));
    KneserNeyLanguageModel model = new KneserNeyLanguageModel(3, sentences);
    assertArrayEquals(new String[] {"rose"}, model.predictNextTokens("the"));
  }
}
