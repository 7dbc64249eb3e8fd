package org.seqnlp.opennlp.namefind.training;

import java.util.ArrayList;
import java.util.List;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;

/**
 * The gazetteer features of every training sentence, computed once: they are fixed inputs without a
 * gradient.
 */
final class GazetteerMatches {

  /** Null without gazetteer features. */
  private final Gazetteer gazetteer;
  /** The features of each sentence, as {@link Gazetteer#features} gives them; null without. */
  private final float[][] matches;

  /** @param gazetteer the lists, or null for none */
  GazetteerMatches(Gazetteer gazetteer, List<LabeledSentence> sentences) {
    this.gazetteer = gazetteer;
    this.matches = gazetteer == null ? null
        : sentences.stream().map(sentence -> gazetteer.features(sentence.tokens())).toArray(float[][]::new);
  }

  /** The gazetteer, or null. */
  Gazetteer gazetteer() {
    return gazetteer;
  }

  /** Features per token; 0 without a gazetteer. */
  int width() {
    return gazetteer == null ? 0 : gazetteer.featureSize();
  }

  /** The features of sentence {@code sentence}, {@link #width} per token. */
  float[] of(int sentence) {
    return matches[sentence];
  }

  /** How many training tokens the gazetteer matches, per type: a list that matches nothing is a mistake. */
  String summary() {
    List<String> types = gazetteer.types();
    long[] matched = new long[types.size()];
    for (float[] sentence : matches) {
      for (int at = 0; at < sentence.length; at += Gazetteer.POSITIONS) {
        for (int p = 0; p < Gazetteer.POSITIONS; p++) {
          if (sentence[at + p] != 0f) {
            matched[at / Gazetteer.POSITIONS % types.size()]++;
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    for (int type = 0; type < types.size(); type++) {
      parts.add(types.get(type) + " " + matched[type]);
    }
    return "gazetteer matches on training tokens: " + String.join(", ", parts);
  }
}
