package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqnlp expand}: what the semantic expansion filter adds to a query. */
@Command(name = "expand", mixinStandardHelpOptions = true,
    description = {"Expands a query as the semanticExpansion Lucene filter does (standard tokenizer, lowercase,"
        + " nearest neighbours by cosine similarity) and prints each term with its expansions, one term a line:",
        "  term -> neighbour similarity, ..."})
final class ExpandCommand implements Callable<Integer> {

  @Option(names = "--vectors", required = true,
      description = "Word-vector file: word2vec text or binary, GloVe, DL4J zip or seqnlp; may be gzipped.")
  Path vectors;

  @Option(names = "--format", defaultValue = "auto",
      description = "auto (detect from the content), word2vec-text, word2vec-binary, glove, dl4j-zip, seqnlp"
          + " or seqnlp-int8 (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-expansions", defaultValue = "3",
      description = "Most neighbours added per term (default: ${DEFAULT-VALUE}).")
  int maxExpansions;

  @Option(names = "--min-similarity", defaultValue = "0.7",
      description = "Least cosine similarity of an added neighbour, in (0, 1] (default: ${DEFAULT-VALUE}).")
  float minSimilarity;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The query text.")
  List<String> text;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OptionRange.require(spec, "--max-expansions", maxExpansions, 1, SemanticExpansionFilterFactory.MAX_EXPANSIONS);
    OptionRange.requirePositive(spec, "--min-similarity", minSimilarity, 1);
    VectorFormat vectorFormat = parseFormat();
    long start = System.nanoTime();
    WordVectors wordVectors = vectorFormat == null ? VectorFiles.read(vectors) : VectorFiles.read(vectors,
        vectorFormat);
    spec.commandLine().getErr().printf(Locale.ROOT, "loaded %,d words x %d dimensions in %.1f s%n",
        wordVectors.size(), wordVectors.dimension(), (System.nanoTime() - start) / 1e9);
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(new NearestNeighbours(wordVectors),
        maxExpansions, minSimilarity)) {
      print(analyzer, wordVectors, spec.commandLine().getOut());
    }
    return 0;
  }

  private VectorFormat parseFormat() {
    if (format.equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return VectorFormat.forId(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }

  /** Prints "term -> neighbour similarity, ..." per position of the analyzed text. */
  private void print(SemanticExpansionAnalyzer analyzer, WordVectors wordVectors, PrintWriter out)
      throws IOException {
    try (TokenStream stream = analyzer.tokenStream("query", String.join(" ", text))) {
      CharTermAttribute termAtt = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posIncAtt = stream.addAttribute(PositionIncrementAttribute.class);
      BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
      stream.reset();
      String term = null;
      List<String> expansions = new ArrayList<>();
      while (stream.incrementToken()) {
        if (posIncAtt.getPositionIncrement() == 0) {
          expansions.add(String.format(Locale.ROOT, "%s %.3f", termAtt, boostAtt.getBoost()));
          continue;
        }
        if (term != null) {
          out.println(describe(term, expansions, wordVectors));
        }
        term = termAtt.toString();
        expansions.clear();
      }
      if (term != null) {
        out.println(describe(term, expansions, wordVectors));
      }
      stream.end();
    }
    out.flush();
  }

  private String describe(String term, List<String> expansions, WordVectors wordVectors) {
    if (!expansions.isEmpty()) {
      return term + " -> " + String.join(", ", expansions);
    }
    return term + (wordVectors.contains(term)
        ? String.format(Locale.ROOT, " (no neighbour at %.2f or above)", minSimilarity)
        : " (not in the vectors)");
  }
}
