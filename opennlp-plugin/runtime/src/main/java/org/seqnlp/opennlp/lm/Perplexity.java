package org.seqnlp.opennlp.lm;

/**
 * The total natural-log probability of {@code tokens} predicted tokens (end-of-sentence tokens
 * included) and the perplexity exp(−logProbability / tokens). {@code unknownTokens} of them were outside the
 * model's vocabulary (or were its unknown token itself) and scored as the unknown token, which moves the perplexity
 * without the text being better or worse predicted (a word model predicts that token easily, a character model
 * not), so perplexities compare only at similar rates.
 */
public record Perplexity(double logProbability, long tokens, long unknownTokens) {

  public double value() {
    return Math.exp(-logProbability / tokens);
  }

  /** The share of the tokens scored as the unknown token. */
  public double unknownRate() {
    return (double) unknownTokens / tokens;
  }
}
