package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.LinearChainCrf;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.vocabulary.Vocabulary;

/** The plain-Java forward pass must reproduce DL4J's output on the same weights. */
class EmissionNetworkParityTest {

  private static final int LABELS = 5;
  private static final int HIDDEN = 7;

  /**
   * DL4J's backward LSTM runs through the padding of shorter sentences in a batch (its result then
   * differs from the unpadded sentence's), which is why the trainer batches sentences of equal length
   * only; the comparison covers such batches.
   */
  @Test
  void plainJavaEmissionsMatchDl4jOnTheSameWeights() {
    Random random = new Random(3);
    TokenEncoder encoder = new TokenEncoder(Vocabulary.of(List.of("<unk>", "the", "cat", "sat")),
        Vocabulary.of(List.of("<unk>", "<pad>", "t", "h", "e", "c", "a", "s")), 6, 4, 5, 8,
        randomArray(random, 4 * 6), randomArray(random, 8 * 4), randomArray(random, 5 * 3 * 4),
        randomArray(random, 5));
    LinearChainCrf crf = new LinearChainCrf(LABELS, new float[LABELS], new float[LABELS], new float[LABELS * LABELS]);
    CrfLoss loss = new CrfLoss();
    loss.attach(crf);
    TrainingSettings d = TrainingSettings.DEFAULTS;
    TrainingSettings settings = new TrainingSettings(d.epochs(), d.patience(), d.batchSize(), d.wordDimension(),
        d.charDimension(), d.charFilters(), d.maxWordChars(), HIDDEN, d.learningRate(), 0, d.gradientClip(),
        d.maxVocabulary(), d.embeddingBits(), d.seed(), null, List.of(), false, 0, 0, 0);
    EmissionNetwork dl4j = new EmissionNetwork(encoder.outputDimension(), HIDDEN, LABELS, settings, loss);
    String[][] sameLength = {{"The", "cat", "sat", "on"}, {"Cats", "sat", ".", "mats"}, {"the", "Xyz", "cat", "sat"}};
    String[][] single = {{"A", "cat", "sat", "on", "the", "extraordinarily-long-word"}};
    Batch first = new Batch(encoder, sameLength);
    Batch second = new Batch(encoder, single);
    // A few steps move every weight, biases included, away from its initial value.
    for (int i = 0; i < 3; i++) {
      first.trainStep(dl4j, loss);
      second.trainStep(dl4j, loss);
    }
    BiLstmCrfNetwork plain = new BiLstmCrfNetwork(List.of("a", "b", "c", "d", "e"), encoder, dl4j.exportLstm(false),
        dl4j.exportLstm(true), dl4j.exportOutputWeights(), dl4j.exportOutputBias(), crf);
    double maxDifference = Math.max(first.maxDifference(dl4j, plain), second.maxDifference(dl4j, plain));
    assertTrue(maxDifference <= 1e-5, "max |DL4J - plain Java| = " + maxDifference);
  }

  private static final class Batch {
    final String[][] sentences;
    final int size;
    final int time;
    final float[] features;
    final float[] gold;

    Batch(TokenEncoder encoder, String[][] sentences) {
      this.sentences = sentences;
      size = sentences.length;
      time = sentences[0].length;
      int width = encoder.outputDimension();
      features = new float[size * width * time];
      gold = new float[size * LABELS * time];
      float[] token = new float[width];
      for (int b = 0; b < size; b++) {
        for (int t = 0; t < time; t++) {
          encoder.encode(sentences[b][t], token, 0);
          for (int d = 0; d < width; d++) {
            features[(b * width + d) * time + t] = token[d];
          }
          gold[(b * LABELS + (b + t) % LABELS) * time + t] = 1;
        }
      }
    }

    void trainStep(EmissionNetwork network, CrfLoss loss) {
      int[] lengths = new int[size];
      java.util.Arrays.fill(lengths, time);
      loss.prepare(size, time, lengths);
      network.step(features, gold, size, time);
    }

    double maxDifference(EmissionNetwork network, BiLstmCrfNetwork plain) {
      float[] expected = network.output(features, size, time);
      double max = 0;
      for (int b = 0; b < size; b++) {
        float[] actual = plain.emissions(sentences[b]);
        for (int t = 0; t < time; t++) {
          for (int k = 0; k < LABELS; k++) {
            max = Math.max(max, Math.abs(expected[(b * LABELS + k) * time + t] - actual[t * LABELS + k]));
          }
        }
      }
      return max;
    }
  }

  private static float[] randomArray(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian() * 0.5f;
    }
    return values;
  }
}
