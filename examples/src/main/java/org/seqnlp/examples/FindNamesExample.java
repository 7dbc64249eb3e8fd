package org.seqnlp.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.text.CliticSplittingTokenizer;
import org.seqnlp.opennlp.text.RunBoundedSentenceDetector;
import org.seqnlp.opennlp.text.RunBoundedTokenizer;
import org.seqnlp.opennlp.models.OpenNlpModelJars;

/**
 * Finds names in plain text with a SeqNLP name finder through OpenNLP's own API: OpenNLP's English
 * sentence detector and tokenizer (from the Maven Central jars {@code opennlp-models-sentdetect-en} and
 * {@code opennlp-models-tokenizer-en}) split the text, a {@code NameFinderME} over the model tags it, and
 * each name is printed with its type, its character offsets in the text and its probability.
 *
 * <pre>
 * java -cp "eval/target/seqnlp.jar:eval/target/lib/*:examples/target/classes" \
 *     org.seqnlp.examples.FindNamesExample models/ner/en-ner.bin "Dr. Smith met Apple's Tim Cook in Paris."
 * </pre>
 */
public final class FindNamesExample {

  private FindNamesExample() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** What {@code main} does, returning its exit code: one name a line, type, text, offsets and probability. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return ExampleMain.run("FindNamesExample MODEL_FILE \"text\"", args, out, err, (model, text, print) -> {
      for (DocumentNameFinder.Name name : findNames(model, text)) {
        print.printf(Locale.ROOT, "%s\t%s\t%d-%d\t%.3f%n", name.type(), name.text(), name.start(), name.end(),
            name.probability());
      }
    });
  }

  /** The names in {@code text}, one document, in order, with offsets into {@code text}. */
  static List<DocumentNameFinder.Name> findNames(Path modelFile, String text) throws IOException {
    // Models are loaded once and shared by all threads; the detector, tokenizer and finder over them keep
    // state, so a multi-threaded program makes one DocumentNameFinder per thread over the same models.
    // OpenNLP's detector and tokenizer take time in the square of a run without whitespace; the wrappers give them
    // runs of at most 1,000 characters, so that text such as encoded data cannot stall the program.
    DocumentNameFinder finder = new DocumentNameFinder(
        new RunBoundedSentenceDetector(new SentenceDetectorME(OpenNlpModelJars.sentenceModel("en"))),
        // The English name finder learnt CoNLL-2003's tokens, where "Apple's" is "Apple 's".
        new RunBoundedTokenizer(CliticSplittingTokenizer.forModel(OpenNlpModelJars.tokenizerModel("en"))),
        // NameFinderModels checks the zip before OpenNLP parses it, and lets OpenNLP 2.5.9+, which instantiates only
        // allow-listed classes from a model, make ours.
        new NameFinderME(NameFinderModels.load(modelFile)));
    return finder.findInDocument(text).stream().flatMap(sentence -> sentence.names().stream()).toList();
  }
}
