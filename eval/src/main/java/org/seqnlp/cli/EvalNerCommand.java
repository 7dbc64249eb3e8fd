package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.eval.ner.DataSet;
import org.seqnlp.eval.ner.NameFinderTagging;
import org.seqnlp.eval.ner.ScoredTypes;
import org.seqnlp.eval.ner.Throughput;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.DocumentContextFactory;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp eval-ner}: entity precision, recall and F1 of a name-finder model on CoNLL data. */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
    description = {"Tags CoNLL test data with an OpenNLP name-finder model (ours or any other) and prints"
        + " precision, recall and F1 per entity type and overall (exact span and type match, as conlleval and"
        + " OpenNLP's TokenNameFinderEvaluator count), and the tagging rate."})
final class EvalNerCommand implements Callable<Integer> {

  @CommandLine.Mixin
  ModelEvaluationOptions inputs;

  @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
      description = "Tag the test set N times and report the rate of the last round, after JIT warm-up"
          + " (default: ${DEFAULT-VALUE}).")
  int rounds;

  @CommandLine.Mixin
  DocumentContextOptions documentContext;

  @CommandLine.Mixin
  ScoredTypesOption scoredTypes;

  @Option(names = "--passes", defaultValue = "1", paramLabel = "N",
      description = "Tag each document N times in a row with the same NameFinderME and score the last pass: with"
          + " document context, the second pass sees the names of the whole document (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "Also time the batch API of a BiLSTM-CRF model on N threads (default: 0, not timed).")
  int threads;

  @Option(names = "--embedding-bits", paramLabel = "8|32",
      description = "Before tagging, store the word embeddings of a BiLSTM-CRF model in 8 bits (8-bit rows with"
          + " a scale each) or 32 (floats), in memory only: what a model trained with --embedding-bits would"
          + " score, without a second file (default: as the model stores them).")
  Integer embeddingBits;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  static final int MAX_ROUNDS = 1000;
  /** More passes than two add nothing a second does not; a few are allowed for measuring that. */
  static final int MAX_PASSES = 4;

  @Override
  public Integer call() throws IOException {
    OptionRange.require(spec, "--rounds", rounds, 1, MAX_ROUNDS);
    OptionRange.require(spec, "--threads", threads, 0, OptionRange.MAX_THREADS);
    OptionRange.require(spec, "--passes", passes, 1, MAX_PASSES);
    documentContext.validate(spec);
    if (embeddingBits != null && !TokenEncoder.EMBEDDING_BITS.contains(embeddingBits)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--embedding-bits must be one of "
          + TokenEncoder.EMBEDDING_BITS + ", not " + embeddingBits);
    }
    ScoredTypes types = scoredTypes.get(spec);
    DataSet read = inputs.readTest(spec);
    // the warning first: a misspelt label may be why no scored type is left
    ScoredTypesOption.warnOfUnusedRenames(spec, types, read.samples(), String.valueOf(read.file()));
    ScoredTypesOption.requireIn(spec, types, read.samples(), read.file());
    DataSet testSet = read.scoring(types);
    TokenNameFinderModel loaded = documentContext.apply(spec, withEmbeddingBits(inputs.loadModel()));
    NameFinderTagging.Run run = NameFinderTagging.find(loaded, testSet.samples(), rounds, passes,
        "tagging " + testSet.name()).scoring(types);
    PrintWriter out = spec.commandLine().getOut();
    out.println(run.scores(testSet.samples()).format());
    out.printf(Locale.ROOT, "%d sentences, %d tokens in %.2f s: %.0f tokens/s (one thread, NameFinderME.find%s)%n",
        testSet.sentenceCount(), testSet.tokenCount(), run.throughput().seconds(), run.throughput().tokensPerSecond(),
        passes == 1 ? "" : ", " + passes + " passes");
    out.printf(Locale.ROOT, "document context: %s%n", DocumentContextOptions.describe(loaded));
    if (!types.isAll()) {
      out.printf(Locale.ROOT, "types scored: %s%n", types);
    }
    if (threads > 0 && loaded.getNameFinderSequenceModel() instanceof BiLstmCrfSequenceModel network) {
      Throughput batched = NameFinderTagging.batched(network, testSet.sentences(), threads, rounds,
          "batch API on " + threads + " threads");
      out.printf(Locale.ROOT, "batch API on %d threads: %.0f tokens/s%n", threads, batched.tokensPerSecond());
    }
    if (embeddingBits != null) {
      out.printf(Locale.ROOT, "word embeddings stored in %d bits in memory for this evaluation%n", embeddingBits);
    }
    out.flush();
    return 0;
  }

  /** {@code model} with its word embeddings in {@link #embeddingBits}, or itself without the option. */
  private TokenNameFinderModel withEmbeddingBits(TokenNameFinderModel model) {
    if (embeddingBits == null) {
      return model;
    }
    if (!(model.getNameFinderSequenceModel() instanceof BiLstmCrfSequenceModel sequenceModel)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--embedding-bits: " + inputs.model
          + " is not a BiLSTM-CRF model");
    }
    return DocumentContextFactory.withNetwork(model,
        new BiLstmCrfSequenceModel(sequenceModel.network().withEmbeddingBits(embeddingBits)));
  }
}
