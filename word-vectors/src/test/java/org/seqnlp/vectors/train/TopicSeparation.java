package org.seqnlp.vectors.train;

import java.util.List;
import org.seqnlp.vectors.WordVectors;

/** Average cosine similarity within and across the two topics of {@link SyntheticCorpus}. */
final class TopicSeparation {

  private TopicSeparation() {
  }

  static double cosine(WordVectors vectors, String first, String second) {
    return cosine(vectors.vector(vectors.indexOf(first)), vectors.vector(vectors.indexOf(second)));
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
      normA += a[k] * a[k];
      normB += b[k] * b[k];
    }
    return dot / Math.sqrt(normA * normB);
  }

  /** Mean similarity of distinct pairs within a topic minus mean similarity of pairs across topics. */
  static double margin(WordVectors vectors) {
    double within = (mean(vectors, SyntheticCorpus.ANIMALS, SyntheticCorpus.ANIMALS)
        + mean(vectors, SyntheticCorpus.VEHICLES, SyntheticCorpus.VEHICLES)) / 2;
    return within - mean(vectors, SyntheticCorpus.ANIMALS, SyntheticCorpus.VEHICLES);
  }

  private static double mean(WordVectors vectors, List<String> left, List<String> right) {
    double sum = 0;
    int pairs = 0;
    for (String a : left) {
      for (String b : right) {
        if (!a.equals(b)) {
          sum += cosine(vectors, a, b);
          pairs++;
        }
      }
    }
    return sum / pairs;
  }
}
