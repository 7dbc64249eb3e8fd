package org.seqnlp.opennlp.namefind.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Copies of training sentences that break a convention of edited news which informal text does not keep, so
 * that a model trained on news alone does not lean on it. Copies are training text like any other: the words
 * they repeat count twice in the vocabulary. Each kind draws from its own random source, so that adding copies
 * draws nothing from the training's.
 *
 * <p>Sentence starts: news sentences rarely start with a common word other than a function word, so a model
 * trained on them takes a capitalised first word it has not seen there ({@code Thank you}, {@code Hope so},
 * {@code Dude}) for a name. A copy starts at a word after the first, outside every name, whose first letter is
 * lower case and has a title case; it is chosen at random, and the copy's labels are the sentence's from there
 * ({@code the match ended in a draw} gives {@code Ended in a draw}). A sentence without such a word gets no
 * copy. Half the copies follow the sentence before them in the training data (which is then trained once
 * more), as in text whose sentences were not split apart ({@code ... on Sunday . Ended in a draw}).
 *
 * <p>Lower case: news capitalises every name, so a model trained on it finds almost no name written in lower
 * case, as social media and search queries often write them ({@code going to see the yankees in new york}). A
 * copy is the sentence in lower case with the sentence's labels; a sentence that lower-casing leaves as it is
 * gets none. Like lower-case text at tagging time, a copy has no gazetteer matches (a match needs a capital).
 */
final class TrainingCopies {

  private TrainingCopies() {
  }

  /**
   * {@code sentences}, then a copy of each sentence that is picked (with probability {@code share}) and has a
   * word to start at; a copy of any sentence but the first follows the sentence before it with probability 1/2.
   *
   * @param otherLabel the label of tokens outside names
   * @param seed of the copies' own random source, so that adding copies draws nothing from the training's
   * @throws IllegalArgumentException when {@code share} is above 0 and {@code otherLabel} is negative (the
   *     labels have none for tokens outside names)
   */
  static List<LabeledSentence> sentenceStarts(List<LabeledSentence> sentences, double share, int otherLabel,
      long seed) {
    if (share <= 0) {
      return sentences;
    }
    if (otherLabel < 0) {
      throw new IllegalArgumentException(TrainingSettings.SENTENCE_START_COPIES
          + " needs a label for tokens outside names, and the training labels have none");
    }
    Random random = new Random(seed);
    List<LabeledSentence> all = new ArrayList<>(sentences);
    int[] starts = new int[0];
    for (int s = 0; s < sentences.size(); s++) {
      LabeledSentence sentence = sentences.get(s);
      if (random.nextDouble() >= share) {
        continue;
      }
      if (starts.length < sentence.length()) {
        starts = new int[sentence.length()];
      }
      int count = 0;
      for (int t = 1; t < sentence.length(); t++) {
        String token = sentence.tokens()[t];
        if (sentence.labels()[t] == otherLabel && !token.isEmpty() && isCapitalisable(token.codePointAt(0))) {
          starts[count++] = t;
        }
      }
      if (count > 0) {
        LabeledSentence copy = copyFrom(sentence, starts[random.nextInt(count)]);
        all.add(s > 0 && random.nextBoolean() ? joined(sentences.get(s - 1), copy) : copy);
      }
    }
    return all;
  }

  /**
   * {@code sentences}, then a lower-case copy of each sentence that is picked (with probability {@code share})
   * and that lower-casing changes (others would be trained twice as they are).
   *
   * @param seed the seed {@link #sentenceStarts} takes; these copies draw from the source of the next seed, so
   *     that the two kinds pick different sentences
   */
  static List<LabeledSentence> lowerCase(List<LabeledSentence> sentences, double share, long seed) {
    if (share <= 0) {
      return sentences;
    }
    Random random = new Random(seed + 1);
    List<LabeledSentence> all = new ArrayList<>(sentences);
    for (LabeledSentence sentence : sentences) {
      if (random.nextDouble() >= share) {
        continue;
      }
      String[] tokens = new String[sentence.length()];
      boolean changed = false;
      for (int t = 0; t < tokens.length; t++) {
        tokens[t] = sentence.tokens()[t].toLowerCase(Locale.ROOT);
        changed |= !tokens[t].equals(sentence.tokens()[t]);
      }
      if (changed) {
        all.add(new LabeledSentence(tokens, sentence.labels().clone()));
      }
    }
    return all;
  }

  private static boolean isCapitalisable(int letter) {
    return Character.isLowerCase(letter) && Character.toTitleCase(letter) != letter;
  }

  private static LabeledSentence joined(LabeledSentence first, LabeledSentence second) {
    String[] tokens = new String[first.length() + second.length()];
    int[] labels = new int[tokens.length];
    System.arraycopy(first.tokens(), 0, tokens, 0, first.length());
    System.arraycopy(second.tokens(), 0, tokens, first.length(), second.length());
    System.arraycopy(first.labels(), 0, labels, 0, first.length());
    System.arraycopy(second.labels(), 0, labels, first.length(), second.length());
    return new LabeledSentence(tokens, labels);
  }

  private static LabeledSentence copyFrom(LabeledSentence sentence, int start) {
    String[] tokens = Arrays.copyOfRange(sentence.tokens(), start, sentence.length());
    int[] labels = Arrays.copyOfRange(sentence.labels(), start, sentence.length());
    String first = tokens[0];
    int head = first.codePointAt(0);
    tokens[0] = new StringBuilder(first.length()).appendCodePoint(Character.toTitleCase(head))
        .append(first, Character.charCount(head), first.length()).toString();
    return new LabeledSentence(tokens, labels);
  }
}
