package org.seqnlp.eval.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.EntityScores;
import org.seqnlp.progress.Progress;

/**
 * Tags labelled data with a model and times it. Each round is a whole pass over the data; the rounds
 * before the last warm up the JIT, so the last round's rate is the steady one a long-running service
 * sees, and it is the one reported.
 */
public final class NameFinderTagging {

  private NameFinderTagging() {
  }

  /** The entities found in every sentence, in order, and the rate of the pass that found them. */
  public record Run(List<Span[]> predictions, Throughput throughput) {

    /** Scores the predictions against the names of the samples they were found in. */
    public EntityScores scores(List<NameSample> samples) {
      EntityScores scores = new EntityScores();
      for (int i = 0; i < samples.size(); i++) {
        scores.add(samples.get(i).getNames(), predictions.get(i));
      }
      return scores;
    }

    /** These predictions without the spans of types that {@code types} does not score. */
    public Run scoring(ScoredTypes types) {
      return new Run(predictions.stream().map(types::predicted).toList(), throughput);
    }
  }

  /**
   * Tags through {@code NameFinderME.find} on the calling thread, with a fresh {@code NameFinderME} each
   * round and its adaptive data cleared at every document start, exactly as OpenNLP's
   * {@code TokenNameFinderEvaluator} does, so the predictions are the ones it would score.
   *
   * @param task what the progress line on stderr calls this
   */
  public static Run find(TokenNameFinderModel model, List<NameSample> samples, int rounds, String task) {
    return find(model, samples, rounds, 1, task);
  }

  /**
   * As {@link #find(TokenNameFinderModel, List, int, String)}, tagging each document {@code passes} times in a
   * row with the same finder and keeping the last pass: with document context, a second pass decodes every
   * sentence with what the whole document taught the finder. The rate counts each token once.
   */
  public static Run find(TokenNameFinderModel model, List<NameSample> samples, int rounds, int passes, String task) {
    requireRounds(rounds);
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be at least 1, got " + passes);
    }
    List<List<NameSample>> documents = DataSet.documents(samples);
    long tokens = samples.stream().mapToLong(sample -> sample.getSentence().length).sum();
    Run last = null;
    try (Progress progress = Progress.start(task, rounds * tokens, "tokens")) {
      for (int round = 0; round < rounds; round++) {
        NameFinderME finder = new NameFinderME(model);
        List<Span[]> predictions = new ArrayList<>(samples.size());
        long started = System.nanoTime();
        for (List<NameSample> document : documents) {
          finder.clearAdaptiveData();
          for (int pass = 1; pass < passes; pass++) {
            for (NameSample sample : document) {
              finder.find(sample.getSentence());
            }
          }
          for (NameSample sample : document) {
            predictions.add(finder.find(sample.getSentence()));
          }
        }
        last = new Run(predictions, new Throughput(tokens, (System.nanoTime() - started) / 1e9));
        progress.advance(tokens);
      }
    }
    return last;
  }

  /**
   * Tags all sentences at once with the batch API of our network on {@code threads} threads.
   *
   * @param task what the progress line on stderr calls this
   */
  public static Throughput batched(BiLstmCrfSequenceModel network, List<String[]> sentences, int threads, int rounds,
      String task) {
    requireRounds(rounds);
    long tokens = sentences.stream().mapToLong(sentence -> sentence.length).sum();
    double seconds = 0;
    try (Progress progress = Progress.start(task, rounds * tokens, "tokens")) {
      for (int round = 0; round < rounds; round++) {
        long started = System.nanoTime();
        network.tagAll(sentences, threads);
        seconds = (System.nanoTime() - started) / 1e9;
        progress.advance(tokens);
      }
    }
    return new Throughput(tokens, seconds);
  }

  private static void requireRounds(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
  }
}
