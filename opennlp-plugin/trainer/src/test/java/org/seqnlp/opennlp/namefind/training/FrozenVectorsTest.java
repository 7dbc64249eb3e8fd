package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.vectors.WordVectors;

class FrozenVectorsTest {

  private static final List<LabeledSentence> SENTENCES = List.of(
      new LabeledSentence(new String[] {"we", "met", "in", "Oslo"}, new int[] {0, 0, 0, 1}));
  private static final WordVectors VECTORS =
      new WordVectors(List.of("oslo", "in"), 4, new float[] {1, 2, 3, 4, -1, -2, -3, -4});

  /** The embeddings of "oslo" (which has a vector) and "met" (which has none) after one step on both. */
  private static float[][] afterOneStep(boolean freeze) {
    TrainingParameters parameters = TrainingSettings.DEFAULTS.parameters();
    parameters.put(TrainingSettings.FREEZE_VECTORS, freeze);
    TrainingSettings settings = TrainingSettings.from(parameters).validate();
    TrainingVocabulary vocabulary = new TrainingVocabulary(SENTENCES, VECTORS, 100);
    TrainableTokenEncoder trainable = new TrainableTokenEncoder(vocabulary, VECTORS, settings, new Random(1));
    TokenEncoder encoder = trainable.current();
    float[][] result = new float[2][];
    String[] words = {"Oslo", "met"};
    for (String word : words) {
      float[] features = new float[encoder.outputDimension()];
      encoder.encode(word, features, 0);
      float[] gradient = new float[features.length];
      Arrays.fill(gradient, 1f);
      trainable.backpropagate(features, gradient, 0, 1, encoder.wordIndex(word), encoder.charWindow(word),
          new int[settings.charFilters()]);
    }
    trainable.step(1, 0.1, 1e6, 1);
    for (int i = 0; i < words.length; i++) {
      result[i] = new float[4];
      trainable.copyWordVector(encoder.wordIndex(words[i]), result[i]);
    }
    return result;
  }

  @Test
  void frozenWordsKeepTheirVectorWhileTheOthersLearn() {
    float[][] frozen = afterOneStep(true);
    assertArrayEquals(new float[] {1, 2, 3, 4}, frozen[0]);
    float[][] learnt = afterOneStep(false);
    assertFalse(Arrays.equals(new float[] {1, 2, 3, 4}, learnt[0]), "without freezing the vector moves");
    assertArrayEquals(learnt[1], frozen[1], "a word without a vector learns the same either way");
  }
}
