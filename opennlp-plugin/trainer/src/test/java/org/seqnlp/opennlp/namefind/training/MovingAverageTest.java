package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.LinearChainCrf;

/** The moving average of the weights ({@link TrainingSettings#averageDecay}) against one computed step by step. */
class MovingAverageTest {

  private static final double DECAY = 0.8;

  /** The average of {@code history} (the values after steps 1, 2, ...) started at zero and corrected for it. */
  private static float[] reference(List<float[]> history) {
    double[] average = new double[history.get(0).length];
    for (float[] values : history) {
      for (int i = 0; i < average.length; i++) {
        average[i] = DECAY * average[i] + (1 - DECAY) * values[i];
      }
    }
    float[] corrected = new float[average.length];
    for (int i = 0; i < average.length; i++) {
      corrected[i] = (float) (average[i] / (1 - Math.pow(DECAY, history.size())));
    }
    return corrected;
  }

  @Test
  void rowsLeftAloneByAStepCountInTheAverageWithTheirUnchangedValues() {
    Random random = new Random(5);
    float[] values = new float[4 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    AdamParameter parameter = new AdamParameter(values, 3, DECAY);
    List<float[]> history = new ArrayList<>();
    int[][] rowsPerStep = {{0, 2}, {2}, {}, {1, 2}, {0}, {}};
    for (int step = 1; step <= rowsPerStep.length; step++) {
      for (int row : rowsPerStep[step - 1]) {
        for (int i = row * 3; i < row * 3 + 3; i++) {
          parameter.gradient()[i] = (float) random.nextGaussian();
        }
        parameter.step(row * 3, row * 3 + 3, 0.1, 1, step);
      }
      history.add(values.clone());
      assertArrayEquals(reference(history), parameter.averaged(step), 1e-5f, "after step " + step);
    }
    float[] neverStepped = Arrays.copyOfRange(parameter.averaged(rowsPerStep.length), 9, 12);
    assertArrayEquals(Arrays.copyOfRange(values, 9, 12), neverStepped, 1e-5f, "row 3 keeps its value");
  }

  @Test
  void aParameterWithoutAverageRefusesToGiveOne() {
    AdamParameter parameter = AdamParameter.whole(new float[2], 0);
    assertThrows(IllegalStateException.class, () -> parameter.averaged(1));
  }

  @Test
  void theLstmAndOutputLayerExportTheirAverageAndKeepTheirTrainedWeights() {
    int labels = 3;
    int features = 4;
    int batch = 2;
    int time = 3;
    TrainingSettings d = TrainingSettings.DEFAULTS;
    TrainingSettings settings = new TrainingSettings(d.epochs(), d.patience(), d.batchSize(), d.wordDimension(),
        d.charDimension(), d.charFilters(), d.maxWordChars(), 5, 0.05, 0, d.gradientClip(), d.maxVocabulary(),
        d.embeddingBits(), d.seed(), null, List.of(), false, DECAY, 0, 0);
    CrfLoss loss = new CrfLoss();
    loss.attach(new LinearChainCrf(labels, new float[labels], new float[labels], new float[labels * labels]));
    EmissionNetwork network = new EmissionNetwork(features, 5, labels, settings, loss);
    Random random = new Random(8);
    List<float[]> history = new ArrayList<>();
    for (int step = 0; step < 5; step++) {
      float[] input = new float[batch * features * time];
      for (int i = 0; i < input.length; i++) {
        input[i] = (float) random.nextGaussian();
      }
      float[] gold = new float[batch * labels * time];
      for (int b = 0; b < batch; b++) {
        for (int t = 0; t < time; t++) {
          gold[(b * labels + random.nextInt(labels)) * time + t] = 1;
        }
      }
      loss.prepare(batch, time, new int[] {time, time});
      network.step(input, gold, batch, time);
      history.add(network.exportOutputWeights());
    }
    float[] trained = network.exportOutputWeights();
    assertArrayEquals(reference(history), network.withAverage(network::exportOutputWeights), 1e-5f);
    assertArrayEquals(trained, network.exportOutputWeights(), "the trained weights are back");
    assertFalse(Arrays.equals(trained, reference(history)), "the average differs from the last step");
  }
}
