package org.seqnlp.eval.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.seqnlp.io.LineReader;
import org.seqnlp.vectors.WordVectors;

/**
 * A word-similarity test set: word pairs with human scores. A model is scored by the Spearman rank
 * correlation between its cosine similarities and the human scores over the pairs whose two words it
 * knows (the coverage is reported with it).
 */
public final class SimilarityTest {

  /** One rated pair. */
  public record Pair(String first, String second, double score) {
  }

  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern SPACES = Pattern.compile(" +");

  private final String name;
  private final List<Pair> pairs;

  public SimilarityTest(String name, List<Pair> pairs) {
    this.name = name;
    this.pairs = List.copyOf(pairs);
  }

  /** WordSim-353 {@code combined.csv}: header line, then {@code word1,word2,score}. */
  public static SimilarityTest readWordSim353(Path file) throws IOException {
    return read("WordSim-353", file, COMMA, 2);
  }

  /** SimLex-999 {@code SimLex-999.txt}: tab-separated with a header line, score in column 4. */
  public static SimilarityTest readSimLex999(Path file) throws IOException {
    return read("SimLex-999", file, TAB, 3);
  }

  /** MEN {@code MEN_dataset_natural_form_full}: space-separated {@code word1 word2 score}. */
  public static SimilarityTest readMen(Path file) throws IOException {
    return read("MEN", file, SPACES, 2);
  }

  /**
   * Reads pairs from columns 1 and 2 and the score from column {@code scoreColumn} (0-based). A first
   * line whose score column is not a number is a header and skipped; anywhere else it is an error.
   */
  static SimilarityTest read(String name, Path file, Pattern separator, int scoreColumn)
      throws IOException {
    List<Pair> pairs = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = separator.split(line.strip());
        if (fields.length <= scoreColumn) {
          throw reader.error("expected at least " + (scoreColumn + 1) + " fields, found " + fields.length);
        }
        double score;
        try {
          score = Double.parseDouble(fields[scoreColumn].strip());
        } catch (NumberFormatException e) {
          if (reader.lineNumber() == 1) {
            continue;
          }
          throw reader.error("score '" + fields[scoreColumn] + "' is not a number");
        }
        if (!Double.isFinite(score)) {
          throw reader.error("score '" + fields[scoreColumn] + "' is not a finite number");
        }
        pairs.add(new Pair(fields[0].strip(), fields[1].strip(), score));
      }
      if (pairs.isEmpty()) {
        throw reader.error("no word pairs found");
      }
    }
    return new SimilarityTest(name, pairs);
  }

  public String name() {
    return name;
  }

  public List<Pair> pairs() {
    return pairs;
  }

  /** Spearman correlation over the pairs whose words {@code vectors} knows. */
  public SimilarityResult evaluate(UnitVectors vectors) {
    List<Double> human = new ArrayList<>();
    List<Double> model = new ArrayList<>();
    for (Pair pair : pairs) {
      int first = vectors.find(pair.first());
      int second = vectors.find(pair.second());
      if (first >= 0 && second >= 0) {
        human.add(pair.score());
        model.add((double) vectors.cosine(first, second));
      }
    }
    return result(human, model);
  }

  /**
   * Spearman correlation over the pairs whose words get a vector from {@link WordVectors#vectorOf} (as
   * written, else lowercased): for a subword model every pair, words outside its vocabulary by their
   * n-gram vectors.
   */
  public SimilarityResult evaluateAnyWord(WordVectors vectors) {
    List<Double> human = new ArrayList<>();
    List<Double> model = new ArrayList<>();
    for (Pair pair : pairs) {
      float[] first = vectorOf(vectors, pair.first());
      float[] second = vectorOf(vectors, pair.second());
      if (first != null && second != null) {
        human.add(pair.score());
        model.add(cosine(first, second));
      }
    }
    return result(human, model);
  }

  private static float[] vectorOf(WordVectors vectors, String word) {
    float[] vector = vectors.vectorOf(word);
    return vector != null ? vector : vectors.vectorOf(word.toLowerCase(Locale.ROOT));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int k = 0; k < a.length; k++) {
      dot += (double) a[k] * b[k];
      normA += (double) a[k] * a[k];
      normB += (double) b[k] * b[k];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  private SimilarityResult result(List<Double> human, List<Double> model) {
    double correlation = human.size() < 2 ? Double.NaN : new SpearmansCorrelation().correlation(
        human.stream().mapToDouble(Double::doubleValue).toArray(),
        model.stream().mapToDouble(Double::doubleValue).toArray());
    return new SimilarityResult(name, pairs.size(), human.size(), correlation);
  }
}
