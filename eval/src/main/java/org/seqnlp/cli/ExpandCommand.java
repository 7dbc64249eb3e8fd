package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.lucene.expansion.SemanticExpansionFilter;
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
        + " nearest neighbours by cosine similarity) and prints each term with its expansions, one term a line,"
        + " each neighbour with its cosine similarity and its weight in the query (its boost).",
        "Each line: term -> neighbour cos C weight W, ...; or term (not in the vectors), or term (no neighbour at"
            + " S or above). Text without a word prints one line: no term: ..."})
final class ExpandCommand implements Callable<Integer> {

  @Option(names = "--vectors", required = true,
      description = "Word-vector file: word2vec text or binary, GloVe, DL4J zip, seqnlp or seqnlp-int8; may be"
          + " gzipped.")
  Path vectors;

  @Option(names = "--format", defaultValue = VectorFormatOption.AUTO,
      description = "auto (detect from the content), word2vec-text, word2vec-binary, glove, dl4j-zip, seqnlp"
          + " or seqnlp-int8 (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-expansions", defaultValue = "" + SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS,
      description = "Most neighbours added per term (default: ${DEFAULT-VALUE}).")
  int maxExpansions;

  @Option(names = "--min-similarity", defaultValue = "" + SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY,
      description = "Least cosine similarity of an added neighbour, in (0, 1] (default: ${DEFAULT-VALUE}).")
  float minSimilarity;

  @Option(names = "--expansion-weight", defaultValue = "" + SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT,
      description = "Weight of a term's neighbours together relative to the term, in (0, 1] (default: "
          + "${DEFAULT-VALUE}).")
  float expansionWeight;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The query text.")
  List<String> text;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OptionRange.require(spec, "--max-expansions", maxExpansions, 1, SemanticExpansionFilter.MAX_EXPANSIONS);
    OptionRange.requirePositive(spec, "--min-similarity", minSimilarity, 1);
    OptionRange.requirePositive(spec, "--expansion-weight", expansionWeight, 1);
    VectorFormat vectorFormat = VectorFormatOption.toRead(spec, "--format", format);
    long start = System.nanoTime();
    WordVectors wordVectors = vectorFormat == null ? VectorFiles.read(vectors) : VectorFiles.read(vectors,
        vectorFormat);
    spec.commandLine().getErr().printf(Locale.ROOT, "loaded %,d words x %d dimensions in %.1f s%n",
        wordVectors.size(), wordVectors.dimension(), (System.nanoTime() - start) / 1e9);
    NearestNeighbours neighbours = new NearestNeighbours(wordVectors);
    try (SemanticExpansionAnalyzer analyzer = new SemanticExpansionAnalyzer(neighbours, CharArraySet.EMPTY_SET,
        maxExpansions, minSimilarity, expansionWeight)) {
      print(analyzer, neighbours, spec.commandLine().getOut());
    }
    return 0;
  }

  /** Prints "term -> neighbour cos C weight W, ..." per position of the analyzed text. */
  private void print(SemanticExpansionAnalyzer analyzer, NearestNeighbours neighbours, PrintWriter out)
      throws IOException {
    WordVectors wordVectors = neighbours.vectors();
    try (TokenStream stream = analyzer.tokenStream("query", String.join(" ", text))) {
      CharTermAttribute termAtt = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posIncAtt = stream.addAttribute(PositionIncrementAttribute.class);
      BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
      stream.reset();
      String term = null;
      List<String> expansions = new ArrayList<>();
      while (stream.incrementToken()) {
        if (posIncAtt.getPositionIncrement() == 0) {
          float cosine = neighbours.similarity(wordVectors.indexOf(term), wordVectors.indexOf(termAtt.toString()));
          expansions.add(String.format(Locale.ROOT, "%s cos %.3f weight %.3f", termAtt, cosine, boostAtt.getBoost()));
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
      } else {
        out.println("no term: the text holds no word (the tokenizer drops punctuation and spaces)");
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
