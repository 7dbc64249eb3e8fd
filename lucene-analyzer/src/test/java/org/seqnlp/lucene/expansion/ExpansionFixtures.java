package org.seqnlp.lucene.expansion;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.seqnlp.vectors.WordVectors;

/** Small vector spaces whose nearest neighbours are known, for the expansion tests. */
final class ExpansionFixtures {

  private ExpansionFixtures() {}

  /**
   * Cosine to "car": automobile 0.95, vehicle 0.80, truck 0.60, bus 0.50, banana 0. "fruit" is banana's
   * only close neighbour (0.9).
   */
  static WordVectors vehicles() {
    List<String> words = List.of("car", "automobile", "vehicle", "truck", "bus", "banana", "fruit");
    float[] matrix = {
        1, 0, 0,
        0.95f, (float) Math.sqrt(1 - 0.95 * 0.95), 0,
        0.8f, 0.6f, 0,
        0.6f, 0.8f, 0,
        0.5f, (float) Math.sqrt(0.75), 0,
        0, 0, 2,
        0, (float) Math.sqrt(0.19), 0.9f};
    return new WordVectors(words, 3, matrix);
  }

  /** The same space in word2vec text, as a factory reads it. */
  static String vehiclesText() {
    WordVectors vectors = vehicles();
    StringBuilder text = new StringBuilder(vectors.size() + " " + vectors.dimension() + "\n");
    for (int row = 0; row < vectors.size(); row++) {
      text.append(vectors.word(row));
      for (float value : vectors.vector(row)) {
        text.append(' ').append(value);
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * Every lowercase word of one or two letters with a random 4-dimensional vector, so that random test
   * text often hits the vocabulary and most words have several neighbours above 0.7.
   */
  static WordVectors shortWords(long seed) {
    Random random = new Random(seed);
    List<String> words = new ArrayList<>();
    for (char first = 'a'; first <= 'z'; first++) {
      words.add(String.valueOf(first));
      for (char second = 'a'; second <= 'z'; second++) {
        words.add("" + first + second);
      }
    }
    float[] matrix = new float[words.size() * 4];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = (float) random.nextGaussian();
    }
    return new WordVectors(words, 4, matrix);
  }
}
