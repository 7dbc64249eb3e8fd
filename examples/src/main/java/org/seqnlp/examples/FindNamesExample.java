package org.seqnlp.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.ext.ExtensionLoader;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.text.CliticSplittingTokenizer;
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

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: FindNamesExample MODEL_FILE \"text\"");
      System.exit(2);
    }
    for (DocumentNameFinder.Name name : findNames(Path.of(args[0]), args[1])) {
      System.out.printf(Locale.ROOT, "%s\t%s\t%d-%d\t%.3f%n", name.type(), name.text(), name.start(), name.end(),
          name.probability());
    }
  }

  /** The names in {@code text}, one document, in order, with offsets into {@code text}. */
  static List<DocumentNameFinder.Name> findNames(Path modelFile, String text) throws IOException {
    // OpenNLP 2.5.9+ instantiates only allow-listed classes from a model; ours live under org.seqnlp.
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    // Models are loaded once and shared by all threads; the detector, tokenizer and finder over them keep
    // state, so a multi-threaded program makes one DocumentNameFinder per thread over the same models.
    DocumentNameFinder finder = new DocumentNameFinder(
        new SentenceDetectorME(OpenNlpModelJars.sentenceModel("en")),
        // The English name finder learnt CoNLL-2003's tokens, where "Apple's" is "Apple 's".
        CliticSplittingTokenizer.forModel(OpenNlpModelJars.tokenizerModel("en")),
        new NameFinderME(new TokenNameFinderModel(modelFile)));
    return finder.findInDocument(text).stream().flatMap(sentence -> sentence.names().stream()).toList();
  }
}
