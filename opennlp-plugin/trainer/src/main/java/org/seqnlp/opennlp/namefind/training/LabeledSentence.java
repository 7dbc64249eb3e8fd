package org.seqnlp.opennlp.namefind.training;

/** A training or development sentence: tokens and the index of each token's label. */
public record LabeledSentence(String[] tokens, int[] labels) {

  public LabeledSentence {
    if (tokens.length != labels.length) {
      throw new IllegalArgumentException(tokens.length + " tokens but " + labels.length + " labels");
    }
  }

  public int length() {
    return tokens.length;
  }
}
