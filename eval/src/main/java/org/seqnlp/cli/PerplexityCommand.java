package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqnlp.opennlp.lm.Perplexity;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp perplexity}: perplexity of a language model on a text file. */
@Command(name = "perplexity", mixinStandardHelpOptions = true,
    description = {"Prints the perplexity of a language model on a file of sentences, one a line.",
        "Each line is followed by one end-of-sentence token, which counts in N (Penn Treebank convention).",
        "unknown= counts the tokens scored as the model's unknown token: those outside its vocabulary, and <unk>"
            + " itself in text preprocessed to it (Penn Treebank's); above " + PerplexityCommand.WARN_PERCENT
            + "% a warning says the figure is not comparable.",
        "The last line is perplexity=<number>."})
final class PerplexityCommand implements Callable<Integer> {

  /**
   * The unknown-token rate above which the perplexity is flagged: Penn Treebank's test text, preprocessed to the
   * vocabulary of its models, has 5.8%; text cased or tokenised otherwise than the model's has far more.
   */
  static final int WARN_PERCENT = 10;

  @Option(names = {"-m", "--model"}, required = true, description = "Language model (.zip).")
  Path model;

  @Option(names = {"-d", "--data"}, required = true, description = "Text file, one sentence a line.")
  Path data;

  @Option(names = "--across-sentences", description = "Carry the recurrent state from one sentence into the "
      + "next (as published PTB figures do) instead of scoring each sentence alone, as calculateProbability and "
      + "training do.")
  boolean acrossSentences;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    InputPaths.requireFile(model, "model file");
    InputPaths.requireFile(data, "data file");
    Perplexity perplexity = RnnLanguageModel.load(model).perplexity(data, acrossSentences);
    out.println("tokens=" + perplexity.tokens());
    double unknownPercent = 100 * perplexity.unknownRate();
    out.println(String.format(Locale.ROOT, "unknown=%d (%.2f%%)", perplexity.unknownTokens(), unknownPercent));
    if (unknownPercent > WARN_PERCENT) {
      spec.commandLine().getErr().printf(Locale.ROOT, "%s: warning: %.1f%% of the tokens of %s are scored as the"
          + " model's unknown token: this perplexity is not comparable with one of text its vocabulary covers (is"
          + " the text tokenised and cased as the model's training text?)%n", spec.qualifiedName(), unknownPercent,
          data);
    }
    out.println(String.format(Locale.ROOT, "log-probability=%.4f", perplexity.logProbability()));
    out.println(String.format(Locale.ROOT, "perplexity=%.4f", perplexity.value()));
    return 0;
  }
}
