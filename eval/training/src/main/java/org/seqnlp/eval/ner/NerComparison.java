package org.seqnlp.eval.ner;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.namefind.EntityScores;

/**
 * Compares our BiLSTM-CRF with OpenNLP's NameFinderME in one run: trains NameFinderME with its
 * command-line defaults (and ours, unless a trained model is given) on one training set, then on every
 * test set tags with both, scores both with {@link EntityScores}, bootstraps the F1 difference and
 * times tagging, so every figure of the report comes from the same data, scorer and machine state.
 */
public final class NerComparison {

  /**
   * Language code stored in the models' manifests; it changes nothing in training or tagging, and the
   * comparison writes no model.
   */
  private static final String LANGUAGE = "und";

  /**
   * @param rounds passes over each test set per model when timing; all but the last warm up
   * @param threads threads of our batch API
   * @param resamples bootstrap resamples
   * @param seed bootstrap seed
   * @param types the entity types scored, in the test sets and in both models' predictions
   */
  public record Settings(int rounds, int threads, int resamples, long seed, ScoredTypes types) {
    public Settings {
      if (rounds < 1 || threads < 1 || resamples < 1) {
        throw new IllegalArgumentException("rounds, threads and resamples must be at least 1, got " + rounds + ", "
            + threads + " and " + resamples);
      }
    }
  }

  /** One model's figures on one test set. */
  public record ModelResult(EntityScores scores, Throughput oneThread, Optional<Throughput> batched) {
  }

  /** Both models on one test set, with the paired difference of ours minus NameFinderME. */
  public record TestSetResult(DataSet data, ModelResult nameFinderMe, ModelResult ours, F1Difference difference) {
  }

  /** Everything a report needs. */
  public record Comparison(DataSet train, NamedModel nameFinderMe, NamedModel ours, Settings settings,
      List<TestSetResult> results) {
  }

  private final Settings settings;
  private final PrintWriter log;

  /** {@code log} receives one line as each long step starts and ends. */
  public NerComparison(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** Trains both models on {@code train}, ours with {@code ourParameters}, and compares them. */
  public Comparison trainAndCompare(DataSet train, TrainingParameters ourParameters, List<DataSet> tests)
      throws IOException {
    NamedModel nameFinderMe = trainNameFinderMe(train);
    logStart("training " + NameFinderTraining.BILSTM_CRF, train);
    NamedModel ours = NameFinderTraining.biLstmCrf(LANGUAGE, train.samples(), ourParameters);
    logEnd(ours);
    return compare(train, nameFinderMe, ours, tests);
  }

  /** Trains NameFinderME on {@code train} and compares it with our model trained before. */
  public Comparison compareWithTrained(DataSet train, NamedModel ours, List<DataSet> tests) throws IOException {
    return compare(train, trainNameFinderMe(train), ours, tests);
  }

  private NamedModel trainNameFinderMe(DataSet train) throws IOException {
    logStart("training " + NameFinderTraining.NAME_FINDER_ME + " (OpenNLP's TokenNameFinderTrainer defaults)", train);
    NamedModel model = NameFinderTraining.nameFinderMe(LANGUAGE, train.samples());
    logEnd(model);
    return model;
  }

  private Comparison compare(DataSet train, NamedModel nameFinderMe, NamedModel ours, List<DataSet> tests) {
    List<TestSetResult> results = new ArrayList<>();
    for (DataSet given : tests) {
      DataSet test = given.scoring(settings.types());
      NameFinderTagging.Run baselineRun = tag(nameFinderMe, test);
      NameFinderTagging.Run ourRun = tag(ours, test);
      Optional<Throughput> batched = ours.biLstmCrf().map(network -> NameFinderTagging.batched(network,
          test.sentences(), settings.threads(), settings.rounds(),
          test.name() + ": " + ours.name() + ", batch API on " + settings.threads() + " threads"));
      F1Difference difference = PairedBootstrap.f1Difference(
          SentenceCounts.of(test.samples(), baselineRun.predictions()),
          SentenceCounts.of(test.samples(), ourRun.predictions()), settings.resamples(), settings.seed());
      results.add(new TestSetResult(test,
          new ModelResult(baselineRun.scores(test.samples()), baselineRun.throughput(), Optional.empty()),
          new ModelResult(ourRun.scores(test.samples()), ourRun.throughput(), batched), difference));
    }
    return new Comparison(train, nameFinderMe, ours, settings, results);
  }

  private NameFinderTagging.Run tag(NamedModel model, DataSet test) {
    return NameFinderTagging.find(model.model(), test.samples(), settings.rounds(),
        test.name() + ": " + model.name() + ", NameFinderME.find").scoring(settings.types());
  }

  private void logStart(String step, DataSet train) {
    log.printf(Locale.ROOT, "%s on %s (%,d sentences)...%n", step, train.name(), train.sentenceCount());
    log.flush();
  }

  private void logEnd(NamedModel model) {
    log.printf(Locale.ROOT, "%s trained in %.1f s%n", model.name(), model.trainingSeconds().orElseThrow());
    log.flush();
  }
}
