package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp sample}: sentences drawn from a language model. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Continues a seed text with tokens drawn from a language model, one sample a line.")
final class SampleCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, required = true, description = "Language model (.zip).")
  Path model;

  @Option(names = "--seed-text", defaultValue = "", description = "Beginning of the sentence (default: none).")
  String seedText;

  @Option(names = "--temperature", defaultValue = "1.0",
      description = "Sharpens (<1) or flattens (>1) the distribution; 0 is greedy decoding (default: 1).")
  double temperature;

  @Option(names = "--top-k", defaultValue = "0", description = "Draw only among the k most likely tokens; "
      + "0 for all (default: 0).")
  int topK;

  @Option(names = "-n", defaultValue = "1", description = "Number of samples (default: 1).")
  int count;

  @Option(names = "--seed", defaultValue = "1",
      description = "Random seed; the same seed repeats the samples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-tokens", defaultValue = "" + RnnLanguageModel.MAX_CONTINUATION,
      description = "Longest continuation (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    // At a million any model's distribution is as good as uniform; the bound also turns away Infinity and NaN.
    OptionRange.requireNonNegative(spec, "--temperature", temperature, 1_000_000);
    OptionRange.require(spec, "--top-k", topK, 0, Integer.MAX_VALUE);
    OptionRange.require(spec, "-n", count, 1, Integer.MAX_VALUE);
    OptionRange.require(spec, "--max-tokens", maxTokens, 0, Integer.MAX_VALUE);
    InputPaths.requireFile(model, "model file");
    RnnLanguageModel languageModel = RnnLanguageModel.load(model);
    String[] context = languageModel.tokenize(seedText).toArray(String[]::new);
    List<String> unknown = Arrays.stream(context).filter(token -> !languageModel.vocabulary().contains(token))
        .distinct().toList();
    if (!unknown.isEmpty()) {
      // The samples go on from the unknown token, not from these words: say so, as the output repeats them.
      String words = ErrorMessages.printable("'" + String.join("', '", unknown) + "'");
      spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: the model reads " + words + " of the"
          + " seed text as its unknown token (outside its vocabulary; is the text tokenised and cased as the model's"
          + " training text?)");
    }
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      String[] continuation = languageModel.sample(context, maxTokens, temperature, topK, random);
      List<String> sentence = new ArrayList<>(List.of(context));
      sentence.addAll(List.of(continuation));
      out.println(languageModel.architecture().unit().join(sentence));
    }
    return 0;
  }
}
