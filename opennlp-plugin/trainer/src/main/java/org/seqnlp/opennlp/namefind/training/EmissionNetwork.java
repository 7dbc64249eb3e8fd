package org.seqnlp.opennlp.namefind.training;

import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.opennlp.nn.Lstm;

/**
 * The part of the network DL4J trains: a bidirectional LSTM and a linear layer to
 * one emission score per label, with the {@link CrfLoss} on top. Inputs are token features {@code
 * [batch, features, time]} computed outside DL4J; each step returns the gradient with respect to
 * them so that the embeddings and the character CNN can be trained too. Batches hold sentences of
 * one length, so there are no masks. Dropout applies to the
 * inputs of both layers.
 */
final class EmissionNetwork {

  private static final int LSTM_LAYER = 0;
  private static final int OUTPUT_LAYER = 1;

  private final MultiLayerNetwork network;
  private final int featureSize;
  private final int hidden;
  private final int labels;
  private final double averageDecay;
  /** The moving average of the parameters, started at zero, or null for none. */
  private final INDArray average;
  private int iteration;

  EmissionNetwork(int featureSize, int hidden, int labels, TrainingSettings settings, CrfLoss loss) {
    this.featureSize = featureSize;
    this.hidden = hidden;
    this.labels = labels;
    // DL4J's dropOut(p) takes the probability of keeping a unit; layer dropout applies to the layer's input.
    double retain = 1 - settings.dropout();
    LSTM.Builder lstm = new LSTM.Builder().nIn(featureSize).nOut(hidden).activation(Activation.TANH);
    RnnOutputLayer.Builder output = new RnnOutputLayer.Builder().lossFunction(loss).activation(Activation.IDENTITY)
        .nIn(2 * hidden).nOut(labels).dataFormat(RNNFormat.NCW);
    if (settings.dropout() > 0) {
      lstm.dropOut(retain);
      output.dropOut(retain);
    }
    MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
        .seed(settings.seed())
        .dataType(DataType.FLOAT)
        .updater(new Adam(settings.learningRate()))
        .weightInit(WeightInit.XAVIER)
        .gradientNormalization(GradientNormalization.ClipL2PerLayer)
        .gradientNormalizationThreshold(settings.gradientClip())
        .list()
        .layer(new Bidirectional(Bidirectional.Mode.CONCAT, lstm.build()))
        .layer(output.build())
        .setInputType(InputType.recurrent(featureSize))
        .build();
    network = new MultiLayerNetwork(configuration);
    network.init();
    averageDecay = settings.averageDecay();
    average = averageDecay > 0 ? Nd4j.zerosLike(network.params()) : null;
  }

  /**
   * One training step on a batch; returns the gradient of the summed loss with respect to the
   * features, {@code [batch, features, time]} in 'c' order.
   *
   * @param features {@code [batch, features, time]} in 'c' order
   * @param goldLabels {@code [batch, labels, time]} one-hot, 'c' order
   */
  float[] step(float[] features, float[] goldLabels, int batchSize, int timeSteps) {
    INDArray input = Nd4j.create(features, new long[] {batchSize, featureSize, timeSteps}, 'c');
    INDArray output = Nd4j.create(goldLabels, new long[] {batchSize, labels, timeSteps}, 'c');
    Pair<Gradient, INDArray> gradients = network.calculateGradients(input, output, null, null);
    Gradient gradient = gradients.getFirst();
    network.getUpdater().update(network, gradient, iteration, 0, batchSize, LayerWorkspaceMgr.noWorkspaces());
    network.params().subi(gradient.gradient());
    iteration++;
    if (average != null) {
      average.muli(averageDecay).addi(network.params().mul(1 - averageDecay));
    }
    return gradients.getSecond().castTo(DataType.FLOAT).dup('c').data().asFloat();
  }

  /** Adds the parameters, Adam's state and the moving average to {@code state}. */
  void save(TensorBundle state) {
    add(state, "emissions.parameters", network.params());
    add(state, "emissions.updater", network.getUpdater().getStateViewArray());
    if (average != null) {
      add(state, "emissions.average", average);
    }
  }

  private static void add(TensorBundle state, String name, INDArray array) {
    float[] values = rowMajor(array);
    state.add(new Tensor(name, new int[] {values.length}, values));
  }

  /** Sets the parameters, Adam's state and the moving average to those {@link #save} wrote after {@code steps}. */
  void restore(TensorBundle state, int steps) throws InputFormatException {
    restore(state, "emissions.parameters", network.params());
    restore(state, "emissions.updater", network.getUpdater().getStateViewArray());
    if (average != null) {
      restore(state, "emissions.average", average);
    }
    iteration = steps;
  }

  private static void restore(TensorBundle state, String name, INDArray into) throws InputFormatException {
    float[] values = state.tensor(name, (int) into.length()).values();
    into.assign(Nd4j.create(values, into.shape(), 'c').castTo(into.dataType()));
  }

  /** DL4J's own inference: emissions {@code [batch, labels, time]} in 'c' order. */
  float[] output(float[] features, int batchSize, int timeSteps) {
    INDArray input = Nd4j.create(features, new long[] {batchSize, featureSize, timeSteps}, 'c');
    return network.output(input, false).castTo(DataType.FLOAT).dup('c').data().asFloat();
  }

  /**
   * What {@code export} returns while the parameters are replaced by their moving average (corrected for its
   * start at zero); the trained parameters are back in place afterwards.
   *
   * @throws IllegalStateException when no average is kept
   */
  <T> T withAverage(Supplier<T> export) {
    if (average == null) {
      throw new IllegalStateException("no moving average kept");
    }
    if (iteration == 0) {
      return export.get();
    }
    INDArray trained = network.params().dup();
    network.params().assign(average.div(1 - Math.pow(averageDecay, iteration)));
    try {
      return export.get();
    } finally {
      network.params().assign(trained);
    }
  }

  /** A copy of one LSTM direction's weights as a plain-Java {@link Lstm}. */
  Lstm exportLstm(boolean backwards) {
    Layer layer = network.getLayer(LSTM_LAYER);
    String prefix = backwards ? "b" : "f";
    return new Lstm(featureSize, hidden, rowMajor(layer.getParam(prefix + "W")),
        rowMajor(layer.getParam(prefix + "RW")), rowMajor(layer.getParam(prefix + "b")));
  }

  /** A copy of the output layer's weights, {@code 2*hidden x labels} row-major. */
  float[] exportOutputWeights() {
    return rowMajor(network.getLayer(OUTPUT_LAYER).getParam("W"));
  }

  float[] exportOutputBias() {
    return rowMajor(network.getLayer(OUTPUT_LAYER).getParam("b"));
  }

  private static float[] rowMajor(INDArray array) {
    return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
  }
}
