package org.seqnlp.opennlp.namefind.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A toy task for training tests: capitalised words are names, which the character CNN learns in a few epochs. */
final class CapitalisedNames {

  static final List<String> LABELS = List.of("other", "name-start");
  /** A sentence to compare networks on. */
  static final String[] PROBE = {"we", "met", "Anna", "in", "Oslo"};

  private CapitalisedNames() {}

  /** {@code count} sentences of 3 to 5 words drawn with {@code seed}. */
  static List<LabeledSentence> sentences(int count, long seed) {
    String[] words = {"we", "met", "in", "the", "city", "Anna", "Oslo", "Berlin", "Peter", "saw", "near"};
    Random random = new Random(seed);
    List<LabeledSentence> sentences = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      int length = 3 + random.nextInt(3);
      String[] tokens = new String[length];
      int[] labels = new int[length];
      for (int t = 0; t < length; t++) {
        tokens[t] = words[random.nextInt(words.length)];
        labels[t] = Character.isUpperCase(tokens[t].charAt(0)) ? 1 : 0;
      }
      sentences.add(new LabeledSentence(tokens, labels));
    }
    return sentences;
  }
}
