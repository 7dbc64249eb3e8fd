package org.seqnlp.opennlp.lm;

/**
 * The total natural-log probability of {@code tokens} predicted tokens (end-of-sentence tokens
 * included) and the perplexity exp(−logProbability / tokens).
 */
public record Perplexity(double logProbability, long tokens) {

  public double value() {
    return Math.exp(-logProbability / tokens);
  }
}
