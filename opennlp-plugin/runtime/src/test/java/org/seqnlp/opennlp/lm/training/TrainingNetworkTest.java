package org.seqnlp.opennlp.lm.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.LmArchitecture;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.io.tensor.Tensor;

class TrainingNetworkTest {

  private static final Vocabulary VOCABULARY = Vocabulary.build(
      Map.of("a", 9L, "b", 8L, "c", 7L, "d", 6L, "e", 5L, "f", 4L, "g", 3L), 1, 0);
  /**
   * Two rows of five steps, each starting with an end of sentence: row 0 holds "a b" and "c", row 1
   * "d e f g", so that one training segment's loss is exactly the three sentences scored alone.
   */
  private static final int[] STREAM = {0, 2, 3, 0, 4, 0, 5, 6, 7, 8, 0};
  private static final List<String[]> SENTENCES = List.of(new String[] {"a", "b"}, new String[] {"c"},
      new String[] {"d", "e", "f", "g"});
  private static final int[] CLASSES = {0, 2, 5, 9};

  private static TrainingNetwork network(CellType cell, int[] classStarts, int threads, double clipNorm) {
    return network(cell, classStarts, threads, clipNorm, 0);
  }

  private static TrainingNetwork network(CellType cell, int[] classStarts, int threads, double clipNorm,
      double dropout) {
    LmArchitecture architecture = new LmArchitecture(TokenUnit.WORD, cell, 2, 3, 4,
        classStarts == null ? 0 : classStarts.length - 1);
    return new TrainingNetwork(architecture, VOCABULARY.size(), classStarts, dropout, 5, 0.5, 7, threads,
        new ClippedSgd(1.0, clipNorm));
  }

  /** A copy of the network's current weights by name. */
  private static Map<String, Tensor> weights(TrainingNetwork network) {
    Map<String, Tensor> weights = new LinkedHashMap<>();
    for (Tensor tensor : network.tensors()) {
      weights.put(tensor.name(), new Tensor(tensor.name(), tensor.shape(), tensor.values().clone()));
    }
    return weights;
  }

  /** Minus the log-probability of the three sentences under the runtime model with these weights. */
  private static double runtimeLoss(LmArchitecture architecture, Map<String, Tensor> weights,
      Map<String, Tensor> extra) {
    Map<String, Tensor> all = new LinkedHashMap<>(weights);
    all.putAll(extra);
    RnnLanguageModel model = new RnnLanguageModel(architecture, VOCABULARY, all, Map.of());
    double loss = 0;
    for (String[] sentence : SENTENCES) {
      loss -= model.logProbability(sentence);
    }
    return loss;
  }

  /**
   * The SGD step of one segment (rate 1, no clipping) is minus the gradient of the mean loss over the
   * two rows; its directional derivative must match central differences of the runtime model's loss, which
   * also checks that training and scoring compute the same function.
   */
  @ParameterizedTest
  @EnumSource(CellType.class)
  void gradientMatchesFiniteDifferencesOfTheRuntimeModel(CellType cell) throws IOException {
    for (int[] classes : new int[][] {null, CLASSES}) {
      TrainingNetwork network = network(cell, classes, 1, 0);
      RnnLanguageModel initial = network.toLanguageModel(VOCABULARY, Map.of());
      LmArchitecture architecture = initial.architecture();
      Map<String, Tensor> extra = new LinkedHashMap<>();
      if (classes != null) {
        float[] starts = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
          starts[i] = classes[i];
        }
        extra.put(RnnLanguageModel.CLASS_STARTS, new Tensor(RnnLanguageModel.CLASS_STARTS,
            new int[] {starts.length}, starts));
      }
      Map<String, Tensor> before = weights(network);
      double meanLoss = network.fit(STREAM, 2, 0, 5);
      Map<String, Tensor> after = weights(network);
      assertEquals(runtimeLoss(architecture, before, extra), 10 * meanLoss, 1e-4,
          "fit returns the mean loss of the 10 positions before its step");

      assertStepIsMinusTheGradient(before, after, weights -> runtimeLoss(architecture, weights, extra), 3,
          cell + (classes == null ? ", full softmax" : ", word classes"));
      assertEquals(runtimeLoss(architecture, before, extra), -sumLogProbability(initial), 1e-4);
    }
  }

  /**
   * Under dropout the step must be minus the gradient of the loss under the masks it drew. A network built
   * with the same seed draws the same masks for its first update, so {@code fit} of a copy moved to
   * {@code W +- epsilon d} returns that loss there; a backward pass that skipped a mask would fail this.
   */
  @ParameterizedTest
  @EnumSource(CellType.class)
  void underDropoutTheStepIsTheGradientOfTheMaskedLoss(CellType cell) {
    TrainingNetwork network = network(cell, CLASSES, 1, 0, 0.3);
    Map<String, Tensor> before = weights(network);
    double masked = network.fit(STREAM, 2, 0, 5);
    Map<String, Tensor> after = weights(network);
    double unmasked = network(cell, CLASSES, 1, 0).fit(STREAM, 2, 0, 5);
    // same seed and weights: without masks the two losses would be bit for bit the same
    assertNotEquals(unmasked, masked, 0, "dropout must change the loss");
    assertStepIsMinusTheGradient(before, after, weights -> 10 * maskedLoss(cell, weights), 5, cell.toString());
  }

  /**
   * Checks that the SGD step (rate 1, no clipping) from {@code before} to {@code after} is minus the gradient of
   * {@code summedLoss} over the 10 positions divided by the 2 rows: along three random directions, its directional
   * derivative must match central differences of {@code summedLoss}.
   */
  private static void assertStepIsMinusTheGradient(Map<String, Tensor> before, Map<String, Tensor> after,
      ToDoubleFunction<Map<String, Tensor>> summedLoss, long seed, String what) {
    Random random = new Random(seed);
    for (int trial = 0; trial < 3; trial++) {
      Map<String, Tensor> plus = new LinkedHashMap<>();
      Map<String, Tensor> minus = new LinkedHashMap<>();
      double predicted = 0;
      double epsilon = 1e-2;
      for (Map.Entry<String, Tensor> entry : before.entrySet()) {
        float[] values = entry.getValue().values();
        float[] stepped = after.get(entry.getKey()).values();
        float[] up = new float[values.length];
        float[] down = new float[values.length];
        for (int i = 0; i < values.length; i++) {
          double direction = random.nextGaussian();
          predicted += 2 * (values[i] - stepped[i]) * direction;
          up[i] = (float) (values[i] + epsilon * direction);
          down[i] = (float) (values[i] - epsilon * direction);
        }
        plus.put(entry.getKey(), new Tensor(entry.getKey(), entry.getValue().shape(), up));
        minus.put(entry.getKey(), new Tensor(entry.getKey(), entry.getValue().shape(), down));
      }
      double measured = (summedLoss.applyAsDouble(plus) - summedLoss.applyAsDouble(minus)) / (2 * epsilon);
      assertEquals(measured, predicted, 0.02 * Math.abs(measured) + 1e-3, what + ", trial " + trial);
    }
  }

  /** The mean loss of the first update's masks at {@code weights}. */
  private static double maskedLoss(CellType cell, Map<String, Tensor> weights) {
    TrainingNetwork network = network(cell, CLASSES, 1, 0, 0.3);
    network.restore(weights, "test");
    return network.fit(STREAM, 2, 0, 5);
  }

  @Test
  void dropoutMasksKeepTheExpectedValue() {
    float[] mask = new float[100_000];
    TrainingNetwork.drawMask(mask, mask.length, 0.25, new SplittableRandom(1));
    int dropped = 0;
    double sum = 0;
    for (float m : mask) {
      assertTrue(m == 0f || m == (float) (1 / 0.75), "a mask is 0 or 1 / (1 - rate), not " + m);
      dropped += m == 0f ? 1 : 0;
      sum += m;
    }
    assertEquals(0.25, dropped / (double) mask.length, 0.01);
    assertEquals(1.0, sum / mask.length, 0.01, "run time applies no mask, so training must keep the mean");
  }

  private static double sumLogProbability(RnnLanguageModel model) {
    double sum = 0;
    for (String[] sentence : SENTENCES) {
      sum += model.logProbability(sentence);
    }
    return sum;
  }

  @Test
  void twoThreadsComputeTheSameStepAsOne() throws IOException {
    TrainingNetwork single = network(CellType.LSTM, CLASSES, 1, 0);
    TrainingNetwork split = network(CellType.LSTM, CLASSES, 2, 0);
    single.fit(STREAM, 2, 0, 5);
    split.fit(STREAM, 2, 0, 5);
    Map<String, Tensor> expected = weights(single);
    Map<String, Tensor> actual = weights(split);
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name).values(), actual.get(name).values(), 1e-6f, name);
    }
    split.close();
  }

  @Test
  void clippingBoundsTheStepToTheMaximumNorm() throws IOException {
    TrainingNetwork network = network(CellType.RNN, null, 1, 1e-3);
    Map<String, Tensor> before = weights(network);
    network.fit(STREAM, 2, 0, 5);
    Map<String, Tensor> after = weights(network);
    double squared = 0;
    for (String name : before.keySet()) {
      float[] a = before.get(name).values();
      float[] b = after.get(name).values();
      for (int i = 0; i < a.length; i++) {
        squared += (double) (a[i] - b[i]) * (a[i] - b[i]);
      }
    }
    assertEquals(1e-3, Math.sqrt(squared), 1e-6, "SGD with rate 1 moves exactly the clipped norm");
  }

  @Test
  void classesBinTheSquareRootOfFrequency() {
    // sqrt counts 10, 10, 5, 5, 5, 5: a total of 40, four shares of 10
    int[] starts = WordClasses.starts(new long[] {100, 100, 25, 25, 25, 25}, 4);
    assertArrayEquals(new int[] {0, 1, 2, 4, 6}, starts);
    int[] single = WordClasses.starts(new long[] {1000, 1, 1}, 3);
    assertTrue(single.length <= 4 && single[0] == 0 && single[single.length - 1] == 3);
  }
}
