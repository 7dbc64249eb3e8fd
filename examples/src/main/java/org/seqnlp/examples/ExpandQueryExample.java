package org.seqnlp.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.format.VectorFiles;

/**
 * Expands a query with word-vector neighbours in plain Lucene and prints the weighted query it
 * becomes: each term at full weight, its neighbours beside it weighing together a share of it (the
 * filter's defaults), as Solr queries a field type with {@code synonymQueryStyle="as_distinct_terms"}.
 *
 * <pre>
 * java -cp "eval/target/seqnlp.jar:eval/target/lib/*:examples/target/classes" \
 *     org.seqnlp.examples.ExpandQueryExample models/vectors/seqnlp-en-100d.bin "heart attack"
 * </pre>
 */
public final class ExpandQueryExample {

  private ExpandQueryExample() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** What {@code main} does, returning its exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return ExampleMain.run("ExpandQueryExample VECTORS_FILE \"query text\"", args, out, err, (vectors, text, print) -> {
      Query query = expand(vectors, text);
      print.println(query != null ? query
          : "no query: no term is left of the text once stop words and punctuation are dropped");
    });
  }

  /** The query made of {@code text} for field "body", with expansion; null when no term is left to search. */
  static Query expand(Path vectorsFile, String text) throws IOException {
    // Load once and share: the neighbour search is thread-safe and holds the normalised matrix.
    NearestNeighbours neighbours = new NearestNeighbours(VectorFiles.read(vectorsFile));
    try (Analyzer analyzer = new SemanticExpansionAnalyzer(neighbours, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
      // Lucene's own QueryBuilder would merge each term and its neighbours into one SynonymQuery instead.
      return new DistinctTermsQueryBuilder(analyzer).createBooleanQuery("body", text);
    }
  }
}
