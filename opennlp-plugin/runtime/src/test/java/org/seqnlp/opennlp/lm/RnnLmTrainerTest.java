package org.seqnlp.opennlp.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.TrainingParameters;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RnnLmTrainerTest {

  @TempDir
  Path directory;

  /** A small DL4J-trained model with Adam. */
  private static TrainingParameters small(CellType cell) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(RnnLmTrainer.ENGINE, "dl4j");
    parameters.put(RnnLmTrainer.CELL, cell.name());
    parameters.put(RnnLmTrainer.EMBEDDING_SIZE, "8");
    parameters.put(RnnLmTrainer.HIDDEN_SIZE, "12");
    parameters.put(RnnLmTrainer.BATCH_SIZE, "4");
    parameters.put(RnnLmTrainer.BPTT_LENGTH, "6");
    parameters.put(RnnLmTrainer.UPDATER, "adam");
    parameters.put(RnnLmTrainer.LEARNING_RATE, "0.02");
    parameters.put(RnnLmTrainer.EPOCHS, "1");
    return parameters;
  }

  /** The same settings trained by the plain-Java engine (SGD). */
  private static TrainingParameters smallJava(CellType cell) {
    TrainingParameters parameters = small(cell);
    parameters.put(RnnLmTrainer.ENGINE, "java");
    parameters.put(RnnLmTrainer.UPDATER, "sgd");
    parameters.put(RnnLmTrainer.LEARNING_RATE, "0.5");
    return parameters;
  }

  private static Dl4jLmNetwork dl4jNetwork(TrainingParameters parameters, LmArchitecture architecture,
      int vocabularySize, GlobalNormClipping clipping) {
    return (Dl4jLmNetwork) new RnnLmTrainer(parameters, false).newNetwork(architecture, vocabularySize, null,
        clipping);
  }

  @ParameterizedTest
  @EnumSource(value = CellType.class, names = {"RNN", "LSTM"})
  void plainJavaForwardPassMatchesDl4j(CellType cell) throws IOException {
    LmArchitecture architecture = new LmArchitecture(TokenUnit.WORD, cell, 2, 8, 12);
    Vocabulary vocabulary = Vocabulary.build(Map.of("the", 5L, "cat", 3L, "dog", 2L, "sees", 2L), 1, 0);
    Dl4jLmNetwork trained = dl4jNetwork(small(cell), architecture, vocabulary.size(), new GlobalNormClipping(5));
    int[] stream = {0, 2, 3, 5, 2, 4, 0, 2, 3, 5, 2, 4, 0, 1, 2, 3, 4, 5, 0, 2, 4};
    trained.fit(stream, 2, 0, 10);
    RnnLanguageModel model = trained.toLanguageModel(vocabulary, Map.of());
    MultiLayerNetwork network = trained.network();

    String[] context = {"the", "cat", "sees", "the", "dog"};
    float[] ids = new float[context.length + 1];
    for (int i = 0; i < context.length; i++) {
      ids[i + 1] = vocabulary.id(context[i]);
    }
    network.rnnClearPreviousState();
    INDArray output = network.rnnTimeStep(Nd4j.create(ids, new long[] {1, 1, ids.length}, 'c'));
    for (int prefix = 0; prefix <= context.length; prefix++) {
      double[] expected = model.nextTokenProbabilities(List.of(context).subList(0, prefix).toArray(String[]::new));
      for (int id = 0; id < vocabulary.size(); id++) {
        assertEquals(output.getDouble(0, id, prefix), expected[id], 1e-5, "prefix " + prefix + ", token " + id);
      }
    }
  }

  @Test
  void globalNormClippingBoundsTheWholeUpdate() {
    TrainingParameters parameters = small(CellType.RNN);
    parameters.put(RnnLmTrainer.UPDATER, "sgd");
    parameters.put(RnnLmTrainer.LEARNING_RATE, "1.0");
    int[] stream = {0, 2, 3, 4, 0, 3, 2, 4, 0, 2, 2, 4, 0, 3, 3, 4, 0};
    for (double maxNorm : new double[] {1e-3, 0}) {
      GlobalNormClipping clipping = new GlobalNormClipping(maxNorm);
      Dl4jLmNetwork trained = dl4jNetwork(parameters, new LmArchitecture(TokenUnit.WORD, CellType.RNN, 1, 4, 5), 5,
          clipping);
      MultiLayerNetwork network = trained.network();
      INDArray before = network.params().dup();
      trained.fit(stream, 2, 0, 6);
      double step = network.params().sub(before).norm2Number().doubleValue();
      if (maxNorm > 0) {
        assertEquals(maxNorm, step, 1e-6, "SGD with rate 1 moves exactly the clipped norm");
        assertEquals(1, clipping.clipped());
      } else {
        assertTrue(step > 1e-2, "unclipped step " + step);
        assertEquals(0, clipping.clipped());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dl4j", "java"})
  void trainsAPredictableLanguageAndResumesFromItsCheckpoint(String engine) throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 300, 1);
    Path valid = ToyCorpus.write(directory, "valid.txt", 40, 2);
    Path work = directory.resolve("work");
    TrainingParameters parameters = engine.equals("java") ? smallJava(CellType.LSTM) : small(CellType.LSTM);
    RnnLanguageModel first = new RnnLmTrainer(parameters, false).train(train, valid, work);
    long firstTokens = Long.parseLong(first.trainingInfo().get("Tokens-Trained"));

    parameters.put(RnnLmTrainer.EPOCHS, "4");
    RnnLanguageModel resumed = new RnnLmTrainer(parameters, false).train(train, valid, work);
    assertEquals(4 * firstTokens, Long.parseLong(resumed.trainingInfo().get("Tokens-Trained")));
    assertEquals(4 * gradientSteps(first), gradientSteps(resumed), "clipping statistics continue");
    // "the X Y the Z" with three choices per slot: perplexity exp(3 ln 3 / 6) ≈ 1.73 at best
    double perplexity = resumed.perplexity(valid, false).value();
    assertTrue(perplexity < 2.5, "validation perplexity " + perplexity);

    parameters.put(RnnLmTrainer.HIDDEN_SIZE, "13");
    IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(parameters, false).train(train, valid, work));
    assertTrue(mismatch.getMessage().contains("HiddenSize=12"), mismatch.getMessage());
  }

  private static long gradientSteps(RnnLanguageModel model) {
    String clipped = model.trainingInfo().get("Clipped-Steps");
    return Long.parseLong(clipped.substring(clipped.indexOf('/') + 1));
  }

  @Test
  void stopsEarlyWhenValidationStopsImproving() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 200, 1);
    Path valid = ToyCorpus.write(directory, "valid.txt", 20, 2);
    TrainingParameters parameters = small(CellType.RNN);
    // a learning rate that makes training diverge, so validation perplexity cannot improve
    parameters.put(RnnLmTrainer.UPDATER, "sgd");
    parameters.put(RnnLmTrainer.LEARNING_RATE, "1000");
    parameters.put(RnnLmTrainer.CLIP_NORM, "0");
    parameters.put(RnnLmTrainer.EPOCHS, "50");
    parameters.put(RnnLmTrainer.VALIDATIONS_PER_EPOCH, "4");
    parameters.put(RnnLmTrainer.PATIENCE, "2");
    RnnLanguageModel model = new RnnLmTrainer(parameters, false).train(train, valid, null);
    assertTrue(model.trainingInfo().get("Stop-Reason").startsWith("early stopping"),
        model.trainingInfo().get("Stop-Reason"));
    assertTrue(Double.parseDouble(model.trainingInfo().get("Epochs-Trained")) < 2,
        model.trainingInfo().get("Epochs-Trained"));
  }

  @Test
  void dropoutGoesOnEveryNonRecurrentInput() {
    TrainingParameters parameters = small(CellType.LSTM);
    parameters.put(RnnLmTrainer.DROPOUT, "0.25");
    MultiLayerNetwork network = dl4jNetwork(parameters, new LmArchitecture(TokenUnit.WORD, CellType.LSTM, 2, 4, 5),
        7, new GlobalNormClipping(5)).network();
    assertEquals(null, network.getLayerWiseConfigurations().getConf(0).getLayer().getIDropout(), "embedding");
    for (int layer = 1; layer <= 3; layer++) {
      assertEquals(new Dropout(0.75),
          network.getLayerWiseConfigurations().getConf(layer).getLayer().getIDropout(), "layer " + layer);
    }
  }

  @Test
  void rejectsUnknownUpdaterAndNonNumericSettings() {
    TrainingParameters parameters = small(CellType.LSTM);
    parameters.put(RnnLmTrainer.UPDATER, "rmsprop");
    LmArchitecture architecture = new LmArchitecture(TokenUnit.WORD, CellType.LSTM, 1, 4, 5);
    assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(parameters, false).newNetwork(architecture, 7, null, new GlobalNormClipping(5)));
    parameters.put(RnnLmTrainer.ENGINE, "java");
    IllegalArgumentException adam = assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(parameters, false).newNetwork(architecture, 7, null, new GlobalNormClipping(5)));
    assertTrue(adam.getMessage().contains("sgd only"), adam.getMessage());
    parameters.put(RnnLmTrainer.ENGINE, "dl4j");
    parameters.put(RnnLmTrainer.UPDATER, "sgd");
    LmArchitecture gru = new LmArchitecture(TokenUnit.WORD, CellType.GRU, 1, 4, 5);
    IllegalArgumentException noGru = assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(parameters, false).newNetwork(gru, 7, null, new GlobalNormClipping(5)));
    assertTrue(noGru.getMessage().contains("Engine=java"), noGru.getMessage());
    TrainingParameters bad = small(CellType.LSTM);
    bad.put(RnnLmTrainer.HIDDEN_SIZE, "many");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(bad, false).train(Path.of("unused"), null, null));
    assertEquals("HiddenSize must be an integer, not many", error.getMessage());
  }

  @Test
  void rejectsTooLittleTrainingText() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 1, 1);
    assertThrows(IllegalArgumentException.class,
        () -> new RnnLmTrainer(small(CellType.LSTM), false).train(train, null, null));
  }
}
