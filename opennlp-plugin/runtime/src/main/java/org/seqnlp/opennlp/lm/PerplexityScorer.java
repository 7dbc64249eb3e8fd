package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.seqnlp.vocabulary.Vocabulary;

/** Measures a language model's perplexity over sentences, each scored alone or all as one stream. */
public final class PerplexityScorer {

  /** Sentences scored side by side ({@link #ofSentences}). */
  private static final int LANES = 16;

  private final RnnLanguageModel model;

  public PerplexityScorer(RnnLanguageModel model) {
    this.model = model;
  }

  /**
   * Perplexity of the sentences of {@code file} (one a line, each followed by one end-of-sentence token
   * that counts in N, the Penn Treebank convention). With {@code acrossSentences} false every sentence
   * is scored alone, exactly as {@link RnnLanguageModel#logProbability}; with true the state runs on from
   * one sentence into the next, as published PTB figures are computed.
   *
   * @throws IOException also for a file without a line, which has no perplexity
   */
  public Perplexity ofFile(Path file, boolean acrossSentences) throws IOException {
    return of(SentenceFile.readToScore(file, model.architecture().unit()), acrossSentences);
  }

  /** {@link #ofFile} for sentences already read, as {@link SentenceFile#read} gives them. */
  public Perplexity of(List<List<String>> sentences, boolean acrossSentences) {
    if (!acrossSentences) {
      return ofSentences(SentenceFile.encodeEach(sentences, model.vocabulary()));
    }
    int[] stream = SentenceFile.encode(sentences, model.vocabulary());
    LanguageModelState state = new LanguageModelState(model);
    double logProbability = 0;
    for (int id : stream) {
      logProbability += state.logProbabilityOf(id);
    }
    return new Perplexity(logProbability, stream.length, unknown(stream));
  }

  /**
   * Perplexity of {@code sentences}, each scored alone from a fresh state as {@link
   * RnnLanguageModel#logProbability} does; each is its token ids followed by {@link
   * Vocabulary#END_OF_SENTENCE_ID}, as {@link SentenceFile#encode} gives them.
   *
   * <p>Scores {@value #LANES} sentences side by side, so that each row of the softmax weights, read once
   * from memory, serves all of them that need it: the output layer dominates the cost and is
   * memory-bound when applied to one vector. The arithmetic per sentence does not depend on the others.
   */
  public Perplexity ofSentences(int[][] sentences) {
    long tokens = 0;
    long unknown = 0;
    for (int s = 0; s < sentences.length; s++) {
      if (sentences[s].length == 0 || sentences[s][sentences[s].length - 1] != Vocabulary.END_OF_SENTENCE_ID) {
        throw new IllegalArgumentException("sentence " + s + " does not end with the end-of-sentence id");
      }
      tokens += sentences[s].length;
      unknown += unknown(sentences[s]);
    }
    LanguageModelState[] lanes = new LanguageModelState[LANES];
    int[] sentenceOf = new int[LANES];
    int[] position = new int[LANES];
    float[][] hidden = new float[LANES][];
    int[] targets = new int[LANES];
    double[] logProbabilities = new double[LANES];
    int nextSentence = 0;
    double logProbability = 0;
    while (true) {
      int active = 0;
      for (int lane = 0; lane < LANES; lane++) {
        if (lanes[lane] == null || position[lane] == sentences[sentenceOf[lane]].length) {
          lanes[lane] = nextSentence < sentences.length ? new LanguageModelState(model) : null;
          sentenceOf[lane] = nextSentence++;
          position[lane] = 0;
        }
        if (lanes[lane] != null) {
          hidden[active] = lanes[lane].hidden();
          targets[active++] = sentences[sentenceOf[lane]][position[lane]];
        }
      }
      if (active == 0) {
        return new Perplexity(logProbability, tokens, unknown);
      }
      model.softmax.logProbabilities(hidden, targets, active, logProbabilities);
      active = 0;
      for (int lane = 0; lane < LANES; lane++) {
        if (lanes[lane] != null) {
          logProbability += logProbabilities[active++];
          lanes[lane].feed(sentences[sentenceOf[lane]][position[lane]++]);
        }
      }
    }
  }

  private long unknown(int[] ids) {
    int unknownId = model.vocabulary().unknownId();
    long unknown = 0;
    for (int id : ids) {
      if (id == unknownId) {
        unknown++;
      }
    }
    return unknown;
  }
}
