package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.EntityScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp eval-ner}: entity precision, recall and F1 of a name-finder model on CoNLL data. */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
    description = {"Tags CoNLL test data with an OpenNLP name-finder model (ours or any other) and prints"
        + " precision, recall and F1 per entity type and overall (exact span and type match, as conlleval and"
        + " OpenNLP's TokenNameFinderEvaluator count), and the tagging rate."})
final class EvalNerCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The TokenNameFinderModel zip.")
  Path model;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "Test data (CoNLL columns).")
  Path test;

  @CommandLine.Mixin
  ConllDataOptions data;

  @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
      description = "Tag the test set N times and report the rate of the last round, after JIT warm-up"
          + " (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "Also time the batch API of a BiLSTM-CRF model on N threads (default: 0, not timed).")
  int threads;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || threads < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1, --threads at least 0");
    }
    TokenNameFinderModel loaded = NerFiles.loadModel(model);
    List<NameSample> samples = data.read(spec, test, 0);
    long tokens = samples.stream().mapToLong(sample -> sample.getSentence().length).sum();
    EntityScores scores = null;
    double seconds = 0;
    for (int round = 0; round < rounds; round++) {
      NameFinderME finder = new NameFinderME(loaded);
      scores = new EntityScores();
      long started = System.nanoTime();
      for (NameSample sample : samples) {
        if (sample.isClearAdaptiveDataSet()) {
          finder.clearAdaptiveData();
        }
        scores.add(sample.getNames(), finder.find(sample.getSentence()));
      }
      seconds = (System.nanoTime() - started) / 1e9;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(scores.format());
    out.printf(Locale.ROOT, "%d sentences, %d tokens in %.2f s: %.0f tokens/s (one thread, NameFinderME.find)%n",
        samples.size(), tokens, seconds, tokens / seconds);
    if (threads > 0 && loaded.getNameFinderSequenceModel() instanceof BiLstmCrfSequenceModel network) {
      List<String[]> sentences = samples.stream().map(NameSample::getSentence).toList();
      double batchSeconds = 0;
      for (int round = 0; round < rounds; round++) {
        long started = System.nanoTime();
        network.tagAll(sentences, threads);
        batchSeconds = (System.nanoTime() - started) / 1e9;
      }
      out.printf(Locale.ROOT, "batch API on %d threads: %.0f tokens/s%n", threads, tokens / batchSeconds);
    }
    out.flush();
    return 0;
  }
}
