package org.seqnlp.opennlp.lm.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.LmArchitecture;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.opennlp.nn.GruCell;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.opennlp.nn.RecurrentCell;
import org.seqnlp.opennlp.nn.RecurrentLayerPass;
import org.seqnlp.opennlp.nn.SimpleRnnCell;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.opennlp.nn.VectorMath;

/**
 * The language model's layers as they are trained: embedding, stacked recurrent cells ({@link Lstm},
 * {@link GruCell}, {@link SimpleRnnCell}, the same classes the run time steps), and a class-factored softmax
 * ({@link ClassFactoredSoftmaxLoss}).
 *
 * <p>Training is truncated backpropagation through time over rows of the token stream, with the state
 * carried from one segment to the next but reset to zero before every end-of-sentence input: that is the
 * state from which {@link RnnLanguageModel} scores a sentence alone, so training and scoring agree. The
 * loss is summed over time and averaged over rows (Zaremba et al. 2014), and the update is {@link
 * ClippedSgd}. Rows are split between threads ({@link WorkerPool}), each with its own gradient, summed
 * before the update, so the result depends on the thread count only through rounding and dropout draws.
 */
final class TrainingNetwork implements AutoCloseable {

  private final LmArchitecture architecture;
  private final int vocabularySize;
  private final int hidden;
  private final int gateWidth;
  private final int[] classStarts;
  private final int[] classOf;
  private final double dropout;
  private final int bpttLength;
  private final ClippedSgd sgd;
  private final long seed;
  private final int threads;

  private final List<Parameter> parameters = new ArrayList<>();
  private final Parameter embedding;
  private final Parameter[] inputWeights;
  private final Parameter[] recurrentWeights;
  private final Parameter[] biases;
  private final Parameter classWeights;
  private final Parameter classBias;
  private final Parameter wordWeights;
  private final Parameter wordBias;
  /** The recurrent layers over the current weights, rebuilt after every update. */
  private final RecurrentCell[] cells;

  private WorkerPool pool;
  private Worker[] workers;
  private int workerRows;
  private int streamPosition = -1;
  private long updates;

  /**
   * @param classStarts {@code classes + 1} increasing ids from 0 to the vocabulary size, class c holding
   *     ids {@code [classStarts[c], classStarts[c+1])}, or null for a full softmax
   */
  TrainingNetwork(LmArchitecture architecture, int vocabularySize, int[] classStarts, double dropout,
      int bpttLength, double initScale, long seed, int threads, ClippedSgd sgd) {
    this.architecture = architecture;
    this.vocabularySize = vocabularySize;
    this.hidden = architecture.hiddenSize();
    this.gateWidth = gatesOf(architecture.cell()) * hidden;
    this.classStarts = classStarts == null ? new int[] {0, vocabularySize} : classStarts.clone();
    this.classOf = new int[vocabularySize];
    for (int c = 0; c + 1 < this.classStarts.length; c++) {
      Arrays.fill(classOf, this.classStarts[c], this.classStarts[c + 1], c);
    }
    this.dropout = dropout;
    this.bpttLength = bpttLength;
    this.seed = seed;
    this.threads = threads;
    this.sgd = sgd;
    int layers = architecture.layers();
    Random random = new Random(seed);
    embedding = parameter(RnnLanguageModel.EMBEDDING, random, initScale, vocabularySize,
        architecture.embeddingSize());
    inputWeights = new Parameter[layers];
    recurrentWeights = new Parameter[layers];
    biases = new Parameter[layers];
    for (int layer = 0; layer < layers; layer++) {
      inputWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, RnnLanguageModel.INPUT_WEIGHTS), random,
          initScale, architecture.inputSize(layer), gateWidth);
      recurrentWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, RnnLanguageModel.RECURRENT_WEIGHTS),
          random, initScale, hidden, gateWidth);
      biases[layer] = parameter(RnnLanguageModel.layerTensor(layer, RnnLanguageModel.BIAS), random, 0, gateWidth);
    }
    int classes = factored() ? this.classStarts.length - 1 : 0;
    classWeights = factored() ? parameter(RnnLanguageModel.CLASS_WEIGHTS, random, initScale, hidden, classes)
        : null;
    classBias = factored() ? parameter(RnnLanguageModel.CLASS_BIAS, random, 0, classes) : null;
    wordWeights = parameter(RnnLanguageModel.OUTPUT_WEIGHTS, random, initScale, hidden, vocabularySize);
    wordBias = parameter(RnnLanguageModel.OUTPUT_BIAS, random, 0, vocabularySize);
    cells = new RecurrentCell[layers];
    rebuildCells();
  }

  static int gatesOf(CellType cell) {
    return switch (cell) {
      case RNN -> 1;
      case GRU -> 3;
      case LSTM -> 4;
    };
  }

  private boolean factored() {
    return classStarts.length > 2;
  }

  private Parameter parameter(String name, Random random, double scale, int... shape) {
    int size = 1;
    for (int dimension : shape) {
      size = Math.multiplyExact(size, dimension);
    }
    float[] values = new float[size];
    if (scale > 0) {
      for (int i = 0; i < size; i++) {
        values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
      }
    }
    Parameter parameter = new Parameter(name, shape, values, parameters.size());
    parameters.add(parameter);
    return parameter;
  }

  private void rebuildCells() {
    for (int layer = 0; layer < cells.length; layer++) {
      int in = architecture.inputSize(layer);
      float[] w = inputWeights[layer].values();
      float[] u = recurrentWeights[layer].values();
      float[] b = biases[layer].values();
      cells[layer] = switch (architecture.cell()) {
        case RNN -> new SimpleRnnCell(in, hidden, w, u, b);
        case GRU -> new GruCell(in, hidden, w, u, b);
        case LSTM -> new Lstm(in, hidden, w, u, b);
      };
    }
  }

  void setLearningRate(double learningRate) {
    sgd.setLearningRate(learningRate);
  }

  /**
   * Trains on positions {@code [from, from + length)} of every row of {@code stream} cut into {@code rows}
   * rows, continuing the recurrent state of the previous call when it ended at {@code from}.
   *
   * @return the mean cross-entropy in nats of the trained positions, each scored by the weights before its
   *     segment's update and under that update's dropout
   */
  double fit(int[] stream, int rows, int from, int length) {
    ensureWorkers(rows);
    if (from != streamPosition) {
      for (Worker worker : workers) {
        worker.clearState();
      }
    }
    int rowLength = (stream.length - 1) / rows;
    float[][][] gradients = new float[workers.length][][];
    for (int w = 0; w < workers.length; w++) {
      gradients[w] = workers[w].gradients;
    }
    double crossEntropy = 0;
    for (int start = from; start < from + length; start += bpttLength) {
      int steps = Math.min(bpttLength, from + length - start);
      int segment = start;
      long update = updates;
      pool.runAll(w -> workers[w].forwardBackward(stream, rowLength, segment, steps, 1.0 / rows, update));
      for (Worker worker : workers) {
        crossEntropy += worker.crossEntropy;
      }
      sgd.step(parameters, gradients);
      updates++;
      rebuildCells();
    }
    streamPosition = from + length;
    return crossEntropy / ((double) length * rows);
  }

  private void ensureWorkers(int rows) {
    if (workers != null && workerRows == rows) {
      return;
    }
    int count = Math.max(1, Math.min(threads, rows));
    workers = new Worker[count];
    for (int w = 0; w < count; w++) {
      workers[w] = new Worker(w, rows * w / count, rows * (w + 1) / count);
    }
    workerRows = rows;
    streamPosition = -1;
    if (pool == null || pool.workers() != count) {
      if (pool != null) {
        pool.close();
      }
      pool = new WorkerPool(count);
    }
  }

  /** A share of the rows: its recurrent state, activations and gradient. */
  private final class Worker {
    private final int firstRow;
    private final int rows;
    private final int workerIndex;
    private final float[][] gradients;
    private final RecurrentLayerPass[] passes;
    /** Per layer: its input (after dropout) and dropout mask, and the gradient of its output. */
    private final float[][] layerInput;
    private final float[][] inputMask;
    private final float[][] outputGradients;
    private final float[] top;
    private final float[] topMask;
    private final float[] embeddingGradients;
    private final ClassFactoredSoftmaxLoss softmax;
    private final int[] inputs;
    private final int[] targets;
    private final boolean[] resets;
    /** Summed over the positions of the last {@link #forwardBackward}. */
    private double crossEntropy;

    Worker(int workerIndex, int firstRow, int endRow) {
      this.workerIndex = workerIndex;
      this.firstRow = firstRow;
      this.rows = endRow - firstRow;
      int layers = architecture.layers();
      gradients = new float[parameters.size()][];
      for (Parameter parameter : parameters) {
        gradients[parameter.index()] = new float[parameter.values().length];
      }
      int positions = bpttLength * rows;
      passes = new RecurrentLayerPass[layers];
      layerInput = new float[layers][];
      inputMask = new float[layers][];
      outputGradients = new float[layers][positions * hidden];
      for (int layer = 0; layer < layers; layer++) {
        int size = architecture.inputSize(layer);
        passes[layer] = new RecurrentLayerPass(size, hidden, gateWidth, rows, bpttLength);
        layerInput[layer] = new float[positions * size];
        inputMask[layer] = dropout > 0 ? new float[positions * size] : null;
      }
      top = dropout > 0 ? new float[positions * hidden] : null;
      topMask = dropout > 0 ? new float[positions * hidden] : null;
      embeddingGradients = new float[positions * architecture.embeddingSize()];
      softmax = new ClassFactoredSoftmaxLoss(hidden, classStarts, classOf, classWeights, classBias, wordWeights,
          wordBias);
      inputs = new int[positions];
      targets = new int[positions];
      resets = new boolean[positions];
    }

    void clearState() {
      for (RecurrentLayerPass pass : passes) {
        pass.clearState();
      }
    }

    /** Forward and backward over {@code steps} steps from {@code start}; gradients accumulate. */
    void forwardBackward(int[] stream, int rowLength, int start, int steps, double rowWeight, long update) {
      for (int t = 0; t < steps; t++) {
        for (int r = 0; r < rows; r++) {
          int position = (firstRow + r) * rowLength + start + t;
          inputs[t * rows + r] = stream[position];
          targets[t * rows + r] = stream[position + 1];
          // the state is reset before every sentence start, as the model scores each sentence alone
          resets[t * rows + r] = stream[position] == Vocabulary.END_OF_SENTENCE_ID;
        }
      }
      SplittableRandom random = dropout > 0 ? new SplittableRandom(seed ^ (update * 1_000_003L + workerIndex))
          : null;
      int positions = steps * rows;
      int e = architecture.embeddingSize();
      float[] input0 = layerInput[0];
      for (int m = 0; m < positions; m++) {
        System.arraycopy(embedding.values(), inputs[m] * e, input0, m * e, e);
      }
      for (int layer = 0; layer < architecture.layers(); layer++) {
        int size = architecture.inputSize(layer);
        if (layer > 0) {
          System.arraycopy(passes[layer - 1].outputs(), 0, layerInput[layer], 0, positions * size);
        }
        if (random != null) {
          drawMask(inputMask[layer], positions * size, dropout, random);
          multiply(layerInput[layer], inputMask[layer], positions * size);
        }
        passes[layer].forward(cells[layer], layerInput[layer], resets, steps);
      }
      float[] topOutput = passes[architecture.layers() - 1].outputs();
      if (random != null) {
        System.arraycopy(topOutput, 0, top, 0, positions * hidden);
        drawMask(topMask, positions * hidden, dropout, random);
        multiply(top, topMask, positions * hidden);
      }
      float[] topGradient = outputGradients[architecture.layers() - 1];
      Arrays.fill(topGradient, 0, positions * hidden, 0f);
      float[] softmaxInput = random != null ? top : topOutput;
      crossEntropy = 0;
      for (int m = 0; m < positions; m++) {
        crossEntropy += softmax.addGradient(softmaxInput, m, targets[m], (float) rowWeight, topGradient, gradients);
      }
      if (random != null) {
        multiply(topGradient, topMask, positions * hidden);
      }
      for (int layer = architecture.layers() - 1; layer >= 0; layer--) {
        int size = architecture.inputSize(layer);
        float[] inputGradient = layer > 0 ? outputGradients[layer - 1] : embeddingGradients;
        Arrays.fill(inputGradient, 0, positions * size, 0f);
        passes[layer].backward(outputGradients[layer], inputGradient, gradients[inputWeights[layer].index()],
            gradients[recurrentWeights[layer].index()], gradients[biases[layer].index()]);
        if (random != null) {
          multiply(inputGradient, inputMask[layer], positions * size);
        }
      }
      float[] embeddingGradient = gradients[embedding.index()];
      for (int m = 0; m < positions; m++) {
        VectorMath.axpy(1f, embeddingGradients, m * e, embeddingGradient, inputs[m] * e, e);
      }
    }

    private void multiply(float[] values, float[] mask, int length) {
      for (int i = 0; i < length; i++) {
        values[i] *= mask[i];
      }
    }
  }

  /**
   * Inverted dropout: each of {@code mask[0 .. length)} becomes 0 with probability {@code rate}, else
   * {@code 1 / (1 - rate)}, so that a unit's expected value in training is its value at run time, which
   * applies no mask.
   */
  static void drawMask(float[] mask, int length, double rate, SplittableRandom random) {
    float kept = (float) (1 / (1 - rate));
    for (int i = 0; i < length; i++) {
      mask[i] = random.nextDouble() < rate ? 0f : kept;
    }
  }

  /** A copy of the current weights as a run-time model. */
  RnnLanguageModel toLanguageModel(Vocabulary vocabulary, Map<String, String> trainingInfo) {
    Map<String, Tensor> weights = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      weights.put(parameter.name(), new Tensor(parameter.name(), parameter.shape(), parameter.values().clone()));
    }
    if (factored()) {
      float[] starts = new float[classStarts.length];
      for (int c = 0; c < starts.length; c++) {
        starts[c] = classStarts[c];
      }
      weights.put(RnnLanguageModel.CLASS_STARTS, new Tensor(RnnLanguageModel.CLASS_STARTS,
          new int[] {starts.length}, starts));
    }
    return new RnnLanguageModel(architecture, vocabulary, weights, trainingInfo);
  }

  /** The trained tensors as they are (not copied), for a checkpoint. */
  List<Tensor> tensors() {
    List<Tensor> tensors = new ArrayList<>();
    for (Parameter parameter : parameters) {
      tensors.add(new Tensor(parameter.name(), parameter.shape(), parameter.values()));
    }
    return tensors;
  }

  /**
   * Sets the weights to those of a checkpoint.
   *
   * @throws IllegalArgumentException naming {@code source} and the first tensor missing or of another shape
   */
  void restore(Map<String, Tensor> tensors, String source) {
    for (Parameter parameter : parameters) {
      Tensor tensor = tensors.get(parameter.name());
      if (tensor == null || !Arrays.equals(tensor.shape(), parameter.shape())) {
        throw new IllegalArgumentException(source + ": checkpoint lacks " + parameter.name() + " of shape "
            + Arrays.toString(parameter.shape()));
      }
      System.arraycopy(tensor.values(), 0, parameter.values(), 0, parameter.values().length);
    }
    rebuildCells();
    streamPosition = -1;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
