package org.seqnlp.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Finds names in a sentence with a SeqNLP name finder through OpenNLP's own API, exactly as with a
 * {@code NameFinderME} model, and prints each name with its type and probability.
 *
 * <pre>
 * java -cp "eval/target/seqnlp.jar:eval/target/lib/*:examples/target/classes" \
 *     org.seqnlp.examples.FindNamesExample models/ner/en-ner.bin "Angela Merkel met Emmanuel Macron in Paris ."
 * </pre>
 */
public final class FindNamesExample {

  private FindNamesExample() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FindNamesExample MODEL_FILE \"sentence\"");
      System.exit(2);
    }
    findNames(Path.of(args[0]), args[1]).forEach(System.out::println);
  }

  /** One line per name in {@code sentence}: type, the name's tokens, and the name's probability. */
  static List<String> findNames(Path modelFile, String sentence) throws IOException {
    // OpenNLP 2.5.9+ instantiates only allow-listed classes from a model; ours live under org.seqnlp.
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    // The model can be shared by many threads; a NameFinderME cannot (it keeps adaptive data),
    // so a multi-threaded program makes one finder per thread over the same model.
    NameFinderME finder = new NameFinderME(new TokenNameFinderModel(modelFile));
    String[] tokens = SimpleTokenizer.INSTANCE.tokenize(sentence);
    Span[] names = finder.find(tokens);
    double[] probabilities = finder.probs(names);
    String[] texts = Span.spansToStrings(names, tokens);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      lines.add(String.format(Locale.ROOT, "%s\t%s\t%.3f", names[i].getType(), texts[i], probabilities[i]));
    }
    return lines;
  }
}
