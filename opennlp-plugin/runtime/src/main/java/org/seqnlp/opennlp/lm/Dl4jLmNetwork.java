package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.seqnlp.opennlp.nn.Tensor;

/**
 * The language model trained by DL4J: embedding, stacked {@code SimpleRnn} or {@code LSTM} layers and a
 * full softmax, with DL4J's truncated BPTT. DL4J resets the recurrent state at every {@code fit} call, so
 * each call here covers several BPTT segments, and the state runs on across sentences.
 */
final class Dl4jLmNetwork implements LmNetwork {

  private final LmArchitecture architecture;
  private MultiLayerNetwork network;
  private final GlobalNormClipping clipping;

  Dl4jLmNetwork(LmArchitecture architecture, int vocabularySize, double dropout, int bpttLength,
      double initScale, long seed, IUpdater updater, GlobalNormClipping clipping) {
    if (architecture.cell() == CellType.GRU || architecture.outputClasses() > 0) {
      throw new IllegalArgumentException("the DL4J engine trains RNN and LSTM cells with a full softmax only;"
          + " use Engine=java for " + (architecture.cell() == CellType.GRU ? "GRU" : "word classes"));
    }
    this.architecture = architecture;
    this.clipping = clipping;
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(updater)
        .weightInit(new UniformDistribution(-initScale, initScale))
        .list()
        .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(architecture.embeddingSize())
            .hasBias(false).build());
    for (int layer = 0; layer < architecture.layers(); layer++) {
      BaseRecurrentLayer.Builder<?> recurrent = architecture.cell() == CellType.LSTM
          ? new LSTM.Builder().gateActivationFunction(Activation.SIGMOID)
          : new SimpleRnn.Builder();
      recurrent.activation(Activation.TANH).nIn(architecture.inputSize(layer)).nOut(architecture.hiddenSize());
      if (dropout > 0) {
        recurrent.dropOut(1 - dropout); // DL4J takes the probability of keeping an input
      }
      layers.layer(recurrent.build());
    }
    RnnOutputLayer.Builder softmax = new RnnOutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT)
        .activation(Activation.SOFTMAX).nIn(architecture.hiddenSize()).nOut(vocabularySize)
        .dataFormat(RNNFormat.NCW);
    if (dropout > 0) {
      softmax.dropOut(1 - dropout);
    }
    MultiLayerConfiguration configuration = layers.layer(softmax.build())
        .backpropType(BackpropType.TruncatedBPTT)
        .tBPTTForwardLength(bpttLength)
        .tBPTTBackwardLength(bpttLength)
        .build();
    network = new MultiLayerNetwork(configuration);
    network.init();
    network.setListeners(clipping);
  }

  @Override
  public void fit(int[] stream, int rows, int from, int length) {
    INDArray[] batch = batch(stream, rows, from, length);
    network.fit(batch[0], batch[1]);
  }

  /** Features and labels of rows [·, from, from + length) of the stream cut into {@code rows} rows. */
  static INDArray[] batch(int[] stream, int rows, int from, int length) {
    int rowLength = (stream.length - 1) / rows;
    float[] features = new float[rows * length];
    float[] labels = new float[rows * length];
    for (int row = 0; row < rows; row++) {
      for (int t = 0; t < length; t++) {
        int position = row * rowLength + from + t;
        features[row * length + t] = stream[position];
        labels[row * length + t] = stream[position + 1];
      }
    }
    long[] shape = {rows, 1, length};
    return new INDArray[] {Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c')};
  }

  @Override
  public void setLearningRate(double learningRate) {
    network.setLearningRate(learningRate);
  }

  @Override
  public void saveCheckpoint(Path file) throws IOException {
    ModelSerializer.writeModel(network, file.toFile(), true);
  }

  @Override
  public void restoreCheckpoint(Path file) throws IOException {
    network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
    network.setListeners(clipping);
  }

  @Override
  public RnnLanguageModel toLanguageModel(Vocabulary vocabulary, Map<String, String> trainingInfo) {
    Map<String, Tensor> weights = new LinkedHashMap<>();
    put(weights, RnnLanguageModel.EMBEDDING, network.getLayer(0).getParam("W"));
    for (int layer = 0; layer < architecture.layers(); layer++) {
      org.deeplearning4j.nn.api.Layer recurrent = network.getLayer(layer + 1);
      put(weights, RnnLanguageModel.layerTensor(layer, "input-weights"), recurrent.getParam("W"));
      put(weights, RnnLanguageModel.layerTensor(layer, "recurrent-weights"), recurrent.getParam("RW"));
      INDArray bias = recurrent.getParam("b");
      put(weights, RnnLanguageModel.layerTensor(layer, "bias"), bias.reshape(bias.length()));
    }
    org.deeplearning4j.nn.api.Layer softmax = network.getLayer(architecture.layers() + 1);
    put(weights, RnnLanguageModel.OUTPUT_WEIGHTS, softmax.getParam("W"));
    INDArray bias = softmax.getParam("b");
    put(weights, RnnLanguageModel.OUTPUT_BIAS, bias.reshape(bias.length()));
    return new RnnLanguageModel(architecture, vocabulary, weights, trainingInfo);
  }

  private static void put(Map<String, Tensor> weights, String name, INDArray array) {
    long[] shape = array.shape();
    int[] dimensions = new int[shape.length];
    for (int axis = 0; axis < shape.length; axis++) {
      dimensions[axis] = Math.toIntExact(shape[axis]);
    }
    weights.put(name, new Tensor(name, dimensions, Nd4j.toFlattened('c', array).toFloatVector()));
  }

  /** The DL4J network itself, for tests that compare DL4J's output with the plain-Java runtime. */
  MultiLayerNetwork network() {
    return network;
  }

  @Override
  public void close() {
    // DL4J holds no resources that outlive the network
  }
}
