package org.seqnlp.eval.ner;

/** Tokens tagged in a measured time. */
public record Throughput(long tokens, double seconds) {

  public double tokensPerSecond() {
    return tokens / seconds;
  }
}
