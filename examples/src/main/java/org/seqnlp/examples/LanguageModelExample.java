package org.seqnlp.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.languagemodel.LanguageModel;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.TokenUnit;

/**
 * Scores a sentence with a SeqNLP language model and continues it: first through OpenNLP's
 * {@link LanguageModel} interface, then with the log-probability and sampling it adds.
 *
 * <pre>
 * java -cp "eval/target/seqnlp.jar:eval/target/lib/*:examples/target/classes" \
 *     org.seqnlp.examples.LanguageModelExample models/lm/ptb-word-lstm.zip "the company said"
 * </pre>
 */
public final class LanguageModelExample {

  private LanguageModelExample() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** What {@code main} does, returning its exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return ExampleMain.run("LanguageModelExample MODEL_FILE \"sentence start\"", args, out, err,
        (model, text, print) -> describe(RnnLanguageModel.load(model), text).forEach(print::println));
  }

  /** What the model says about {@code text}: its probability as a sentence and three continuations. */
  static List<String> describe(RnnLanguageModel model, String text) {
    // The model's own tokenisation: words for a word model, characters for a character model.
    String[] tokens = model.tokenize(text).toArray(String[]::new);
    LanguageModel openNlpView = model;
    TokenUnit unit = model.architecture().unit();
    // A fixed seed makes the sample repeat from run to run.
    String[] sampled = model.sample(tokens, 30, 0.8, 40, new Random(1));
    return List.of(
        String.format(Locale.ROOT, "probability as a sentence: %.3g (natural log %.2f)",
            openNlpView.calculateProbability(tokens), model.logProbability(tokens)),
        "most likely continuation: " + unit.join(List.of(openNlpView.predictNextTokens(tokens))),
        "sampled continuation (temperature 0.8, top 40, seed 1): " + unit.join(List.of(sampled)));
  }
}
