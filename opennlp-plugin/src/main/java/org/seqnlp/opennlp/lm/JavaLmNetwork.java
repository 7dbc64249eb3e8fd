package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.seqnlp.opennlp.nn.Tensor;
import org.seqnlp.opennlp.nn.TensorFile;
import org.seqnlp.opennlp.nn.VectorMath;

/**
 * A recurrent language model trained in plain Java: embedding, stacked RNN, GRU or LSTM layers in the
 * weight layouts of the runtime cells, and a softmax that is either full or factored into word classes
 * (Goodman 2001), the latter making the output layer, which dominates the cost of a 10,000-word model,
 * about a hundred times cheaper while keeping exact probabilities.
 *
 * <p>Training is truncated backpropagation through time over rows of the token stream, with the state
 * carried from one segment to the next but reset to zero before every end-of-sentence input: that is the
 * state from which {@link RnnLanguageModel} scores a sentence alone, so training and scoring agree. The
 * loss is summed over time and averaged over rows (Zaremba et al. 2014), the global gradient norm is
 * clipped, and the update is plain SGD. Rows are split between threads, each with its own gradient, summed
 * before the update, so the result depends on the thread count only through rounding and dropout draws.
 */
final class JavaLmNetwork implements LmNetwork {

  private final LmArchitecture architecture;
  private final int vocabularySize;
  private final int hidden;
  private final int gateWidth;
  private final int[] classStarts;
  private final int[] classOf;
  private final double dropout;
  private final int bpttLength;
  private final GlobalNormClipping clipping;
  private final long seed;

  private final List<Parameter> parameters = new ArrayList<>();
  private final Parameter embedding;
  private final Parameter[] inputWeights;
  private final Parameter[] recurrentWeights;
  private final Parameter[] biases;
  private final Parameter classWeights;
  private final Parameter classBias;
  private final Parameter wordWeights;
  private final Parameter wordBias;
  /** Transposes of the recurrent-layer weights, refreshed after each update: backpropagation reads them. */
  private final float[][] inputWeightsTransposed;
  private final float[][] recurrentWeightsTransposed;

  private final int threads;
  private ExecutorService pool;
  private Worker[] workers;
  private int workerRows;
  private int streamPosition = -1;
  private long updates;
  private double learningRate;

  /**
   * @param classStarts {@code classes + 1} increasing ids from 0 to the vocabulary size, class c holding
   *     ids {@code [classStarts[c], classStarts[c+1])}, or null for a full softmax
   */
  JavaLmNetwork(LmArchitecture architecture, int vocabularySize, int[] classStarts, double dropout,
      int bpttLength, double initScale, long seed, int threads, double learningRate,
      GlobalNormClipping clipping) {
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
    this.learningRate = learningRate;
    this.clipping = clipping;
    int layers = architecture.layers();
    Random random = new Random(seed);
    embedding = parameter(RnnLanguageModel.EMBEDDING, random, initScale, vocabularySize,
        architecture.embeddingSize());
    inputWeights = new Parameter[layers];
    recurrentWeights = new Parameter[layers];
    biases = new Parameter[layers];
    inputWeightsTransposed = new float[layers][];
    recurrentWeightsTransposed = new float[layers][];
    for (int layer = 0; layer < layers; layer++) {
      inputWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, "input-weights"), random, initScale,
          architecture.inputSize(layer), gateWidth);
      recurrentWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, "recurrent-weights"), random,
          initScale, hidden, gateWidth);
      biases[layer] = parameter(RnnLanguageModel.layerTensor(layer, "bias"), random, 0, gateWidth);
    }
    int classes = factored() ? this.classStarts.length - 1 : 0;
    classWeights = factored() ? parameter(RnnLanguageModel.CLASS_WEIGHTS, random, initScale, hidden, classes)
        : null;
    classBias = factored() ? parameter(RnnLanguageModel.CLASS_BIAS, random, 0, classes) : null;
    wordWeights = parameter(RnnLanguageModel.OUTPUT_WEIGHTS, random, initScale, hidden, vocabularySize);
    wordBias = parameter(RnnLanguageModel.OUTPUT_BIAS, random, 0, vocabularySize);
    refreshTransposes();
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

  private record Parameter(String name, int[] shape, float[] values, int index) {}

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  @Override
  public void fit(int[] stream, int rows, int from, int length) {
    ensureWorkers(rows);
    if (from != streamPosition) {
      for (Worker worker : workers) {
        worker.clearState();
      }
    }
    int rowLength = (stream.length - 1) / rows;
    for (int start = from; start < from + length; start += bpttLength) {
      int steps = Math.min(bpttLength, from + length - start);
      int segment = start;
      long update = updates;
      runOnWorkers(worker -> worker.forwardBackward(stream, rowLength, segment, steps, 1.0 / rows, update));
      update();
    }
    streamPosition = from + length;
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
    if (pool == null && count > 1) {
      pool = Executors.newFixedThreadPool(count - 1, task -> {
        Thread thread = new Thread(task, "lm-training");
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  private interface WorkerTask {
    void run(Worker worker);
  }

  /** Runs {@code task} on every worker, the first on the calling thread, whose CPU time is measured. */
  private void runOnWorkers(WorkerTask task) {
    List<Future<?>> pending = new ArrayList<>();
    for (int w = 1; w < workers.length; w++) {
      Worker worker = workers[w];
      pending.add(pool.submit(() -> task.run(worker)));
    }
    task.run(workers[0]);
    try {
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
    }
  }

  /** Sums the workers' gradients, clips their global norm and takes an SGD step. */
  private void update() {
    float[][] total = workers[0].gradients;
    double squaredNorm = 0;
    for (Parameter parameter : parameters) {
      float[] gradient = total[parameter.index()];
      for (int w = 1; w < workers.length; w++) {
        float[] other = workers[w].gradients[parameter.index()];
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] += other[i];
        }
        Arrays.fill(other, 0f);
      }
      for (float g : gradient) {
        squaredNorm += (double) g * g;
      }
    }
    float step = (float) (learningRate * clipping.scaleFor(Math.sqrt(squaredNorm)));
    for (Parameter parameter : parameters) {
      float[] values = parameter.values();
      float[] gradient = total[parameter.index()];
      for (int i = 0; i < values.length; i++) {
        values[i] -= step * gradient[i];
      }
      Arrays.fill(gradient, 0f);
    }
    updates++;
    refreshTransposes();
  }

  private void refreshTransposes() {
    for (int layer = 0; layer < architecture.layers(); layer++) {
      inputWeightsTransposed[layer] = transpose(inputWeights[layer].values(), architecture.inputSize(layer),
          gateWidth, inputWeightsTransposed[layer]);
      recurrentWeightsTransposed[layer] = transpose(recurrentWeights[layer].values(), hidden, gateWidth,
          recurrentWeightsTransposed[layer]);
    }
  }

  private static float[] transpose(float[] matrix, int rows, int columns, float[] target) {
    float[] result = target != null ? target : new float[matrix.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        result[c * rows + r] = matrix[r * columns + c];
      }
    }
    return result;
  }

  /**
   * y[yOffset ..] += Σ<sub>i &lt; count</sub> a[aOffset + i·aStride] · x[xOffset + i·xStride ..], {@code
   * length} entries: a vector times a block of rows, the loop every matrix product here is made of. Four
   * rows at a time, so that y is loaded and stored once per four products; C2 vectorises the inner loop.
   */
  static void accumulate(float[] a, int aOffset, int aStride, float[] x, int xOffset, int xStride, int count,
      float[] y, int yOffset, int length) {
    int i = 0;
    for (; i + 4 <= count; i += 4) {
      float a0 = a[aOffset + i * aStride];
      float a1 = a[aOffset + (i + 1) * aStride];
      float a2 = a[aOffset + (i + 2) * aStride];
      float a3 = a[aOffset + (i + 3) * aStride];
      int x0 = xOffset + i * xStride;
      int x1 = x0 + xStride;
      int x2 = x1 + xStride;
      int x3 = x2 + xStride;
      for (int j = 0; j < length; j++) {
        y[yOffset + j] += a0 * x[x0 + j] + a1 * x[x1 + j] + a2 * x[x2 + j] + a3 * x[x3 + j];
      }
    }
    for (; i < count; i++) {
      VectorMath.axpy(a[aOffset + i * aStride], x, xOffset + i * xStride, y, yOffset, length);
    }
  }

  /** Log of the sum of exp over {@code values[0 .. length)}, turning them into probabilities in place. */
  private static double softmaxInPlace(float[] values, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, values[i]);
    }
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double e = Math.exp(values[i] - max);
      values[i] = (float) e;
      sum += e;
    }
    for (int i = 0; i < length; i++) {
      values[i] = (float) (values[i] / sum);
    }
    return max + Math.log(sum);
  }

  /** A share of the rows: its recurrent state, activations and gradient. */
  private final class Worker {
    private final int firstRow;
    private final int rows;
    private final float[][] gradients;
    private final float[][] state;
    private final float[][] cellState;
    private final float[][] initialState;
    private final float[][] initialCellState;
    /** Per layer: its input (after dropout), gate activations, outputs, memory cells, GRU r ⊙ h. */
    private final float[][] layerInput;
    private final float[][] gates;
    private final float[][] outputs;
    /** Per layer and position, h<sub>t-1</sub> as the step saw it (zero after a reset). */
    private final float[][] previousOutputs;
    private final float[][] cells;
    private final float[][] resetHidden;
    private final float[][] inputMask;
    private final float[] top;
    private final float[] topMask;
    private final float[][] outputGradients;
    private final float[] gateGradients;
    private final float[] embeddingGradients;
    private final float[] recurrentGradient;
    private final float[] cellGradient;
    private final float[] scratchHidden;
    private final float[] scratchHidden2;
    private final float[] scratchHidden3;
    private final float[] classScores;
    private final float[] wordScores;
    private final int[] inputs;
    private final int[] targets;
    private final int workerIndex;

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
      state = new float[layers][rows * hidden];
      cellState = new float[layers][rows * hidden];
      initialState = new float[layers][rows * hidden];
      initialCellState = new float[layers][rows * hidden];
      layerInput = new float[layers][];
      inputMask = new float[layers][];
      gates = new float[layers][positions * gateWidth];
      outputs = new float[layers][positions * hidden];
      previousOutputs = new float[layers][positions * hidden];
      cells = new float[layers][architecture.cell() == CellType.LSTM ? positions * hidden : 0];
      resetHidden = new float[layers][architecture.cell() == CellType.GRU ? positions * hidden : 0];
      outputGradients = new float[layers][positions * hidden];
      for (int layer = 0; layer < layers; layer++) {
        layerInput[layer] = new float[positions * architecture.inputSize(layer)];
        inputMask[layer] = dropout > 0 ? new float[positions * architecture.inputSize(layer)] : null;
      }
      top = dropout > 0 ? new float[positions * hidden] : null;
      topMask = dropout > 0 ? new float[positions * hidden] : null;
      gateGradients = new float[positions * gateWidth];
      embeddingGradients = new float[positions * architecture.embeddingSize()];
      recurrentGradient = new float[rows * hidden];
      cellGradient = new float[rows * hidden];
      scratchHidden = new float[hidden];
      scratchHidden2 = new float[hidden];
      scratchHidden3 = new float[hidden];
      classScores = new float[classStarts.length - 1];
      int largestClass = 0;
      for (int c = 0; c + 1 < classStarts.length; c++) {
        largestClass = Math.max(largestClass, classStarts[c + 1] - classStarts[c]);
      }
      wordScores = new float[largestClass];
      inputs = new int[positions];
      targets = new int[positions];
    }

    void clearState() {
      for (float[] layerState : state) {
        Arrays.fill(layerState, 0f);
      }
      for (float[] layerState : cellState) {
        Arrays.fill(layerState, 0f);
      }
    }

    /** Forward and backward over {@code steps} steps from {@code start}; gradients accumulate. */
    void forwardBackward(int[] stream, int rowLength, int start, int steps, double rowWeight, long update) {
      for (int t = 0; t < steps; t++) {
        for (int r = 0; r < rows; r++) {
          int position = (firstRow + r) * rowLength + start + t;
          inputs[t * rows + r] = stream[position];
          targets[t * rows + r] = stream[position + 1];
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
          System.arraycopy(outputs[layer - 1], 0, layerInput[layer], 0, positions * size);
        }
        if (random != null) {
          applyNewMask(layerInput[layer], inputMask[layer], positions * size, random);
        }
        forwardLayer(layer, steps);
      }
      float[] topOutput = outputs[architecture.layers() - 1];
      if (random != null) {
        System.arraycopy(topOutput, 0, top, 0, positions * hidden);
        applyNewMask(top, topMask, positions * hidden, random);
      }
      float[] topGradient = outputGradients[architecture.layers() - 1];
      Arrays.fill(topGradient, 0, positions * hidden, 0f);
      float[] softmaxInput = random != null ? top : topOutput;
      for (int m = 0; m < positions; m++) {
        outputLayer(softmaxInput, m, targets[m], (float) rowWeight, topGradient);
      }
      if (random != null) {
        multiply(topGradient, topMask, positions * hidden);
      }
      for (int layer = architecture.layers() - 1; layer >= 0; layer--) {
        int size = architecture.inputSize(layer);
        float[] inputGradient = layer > 0 ? outputGradients[layer - 1] : embeddingGradients;
        Arrays.fill(inputGradient, 0, positions * size, 0f);
        backwardLayer(layer, steps, inputGradient);
        if (random != null) {
          multiply(inputGradient, inputMask[layer], positions * size);
        }
      }
      float[] embeddingGradient = gradients[embedding.index()];
      for (int m = 0; m < positions; m++) {
        VectorMath.axpy(1f, embeddingGradients, m * e, embeddingGradient, inputs[m] * e, e);
      }
    }

    private void applyNewMask(float[] values, float[] mask, int length, SplittableRandom random) {
      float kept = (float) (1 / (1 - dropout));
      for (int i = 0; i < length; i++) {
        mask[i] = random.nextDouble() < dropout ? 0f : kept;
        values[i] *= mask[i];
      }
    }

    private void multiply(float[] values, float[] mask, int length) {
      for (int i = 0; i < length; i++) {
        values[i] *= mask[i];
      }
    }

    /** Whether the state before position m is reset to zero: the input there starts a sentence. */
    private boolean resetsAt(int m) {
      return inputs[m] == Vocabulary.END_OF_SENTENCE_ID;
    }

    private void forwardLayer(int layer, int steps) {
      int size = architecture.inputSize(layer);
      float[] x = layerInput[layer];
      float[] pre = gates[layer];
      float[] w = inputWeights[layer].values();
      float[] b = biases[layer].values();
      System.arraycopy(state[layer], 0, initialState[layer], 0, rows * hidden);
      System.arraycopy(cellState[layer], 0, initialCellState[layer], 0, rows * hidden);
      int positions = steps * rows;
      for (int m = 0; m < positions; m++) {
        System.arraycopy(b, 0, pre, m * gateWidth, gateWidth);
        accumulate(x, m * size, 1, w, 0, gateWidth, size, pre, m * gateWidth, gateWidth);
      }
      for (int t = 0; t < steps; t++) {
        for (int r = 0; r < rows; r++) {
          int m = t * rows + r;
          float[] previous = previousHidden(layer, t, r);
          int previousOffset = previousOffset(t, r);
          if (previous == null) {
            Arrays.fill(previousOutputs[layer], m * hidden, (m + 1) * hidden, 0f);
          } else {
            System.arraycopy(previous, previousOffset, previousOutputs[layer], m * hidden, hidden);
          }
          switch (architecture.cell()) {
            case RNN -> rnnForward(layer, m, previous, previousOffset);
            case GRU -> gruForward(layer, m, previous, previousOffset);
            case LSTM -> lstmForward(layer, m, previous, previousOffset, t, r);
          }
        }
      }
      int last = (steps - 1) * rows;
      System.arraycopy(outputs[layer], last * hidden, state[layer], 0, rows * hidden);
      if (architecture.cell() == CellType.LSTM) {
        System.arraycopy(cells[layer], last * hidden, cellState[layer], 0, rows * hidden);
      }
    }

    /** The array holding h<sub>t-1</sub> of row r, or null when the state is reset there. */
    private float[] previousHidden(int layer, int t, int r) {
      if (resetsAt(t * rows + r)) {
        return null;
      }
      return t == 0 ? initialState[layer] : outputs[layer];
    }

    private int previousOffset(int t, int r) {
      return t == 0 ? r * hidden : ((t - 1) * rows + r) * hidden;
    }

    private void addRecurrent(float[] previous, int previousOffset, float[] weights, int columnOffset,
        float[] target, int targetOffset, int width) {
      accumulate(previous, previousOffset, 1, weights, columnOffset, gateWidth, hidden, target, targetOffset, width);
    }

    private void rnnForward(int layer, int m, float[] previous, int previousOffset) {
      float[] pre = gates[layer];
      int row = m * gateWidth;
      if (previous != null) {
        addRecurrent(previous, previousOffset, recurrentWeights[layer].values(), 0, pre, row, hidden);
      }
      for (int j = 0; j < hidden; j++) {
        float h = VectorMath.tanh(pre[row + j]);
        pre[row + j] = h;
        outputs[layer][m * hidden + j] = h;
      }
    }

    private void gruForward(int layer, int m, float[] previous, int previousOffset) {
      float[] pre = gates[layer];
      float[] u = recurrentWeights[layer].values();
      float[] rh = resetHidden[layer];
      int row = m * gateWidth;
      if (previous != null) {
        addRecurrent(previous, previousOffset, u, 0, pre, row, 2 * hidden);
      }
      for (int j = 0; j < hidden; j++) {
        float reset = VectorMath.sigmoid(pre[row + j]);
        pre[row + j] = reset;
        pre[row + hidden + j] = VectorMath.sigmoid(pre[row + hidden + j]);
        rh[m * hidden + j] = previous == null ? 0f : reset * previous[previousOffset + j];
      }
      addRecurrent(rh, m * hidden, u, 2 * hidden, pre, row + 2 * hidden, hidden);
      for (int j = 0; j < hidden; j++) {
        float candidate = VectorMath.tanh(pre[row + 2 * hidden + j]);
        pre[row + 2 * hidden + j] = candidate;
        float update = pre[row + hidden + j];
        float h = previous == null ? 0f : previous[previousOffset + j];
        outputs[layer][m * hidden + j] = (1 - update) * candidate + update * h;
      }
    }

    private void lstmForward(int layer, int m, float[] previous, int previousOffset, int t, int r) {
      float[] pre = gates[layer];
      int row = m * gateWidth;
      if (previous != null) {
        addRecurrent(previous, previousOffset, recurrentWeights[layer].values(), 0, pre, row, gateWidth);
      }
      float[] previousCells = previous == null ? null : t == 0 ? initialCellState[layer] : cells[layer];
      for (int j = 0; j < hidden; j++) {
        float blockInput = VectorMath.tanh(pre[row + j]);
        float forget = VectorMath.sigmoid(pre[row + hidden + j]);
        float output = VectorMath.sigmoid(pre[row + 2 * hidden + j]);
        float input = VectorMath.sigmoid(pre[row + 3 * hidden + j]);
        pre[row + j] = blockInput;
        pre[row + hidden + j] = forget;
        pre[row + 2 * hidden + j] = output;
        pre[row + 3 * hidden + j] = input;
        float previousCell = previousCells == null ? 0f : previousCells[previousOffset + j];
        float cell = forget * previousCell + input * blockInput;
        cells[layer][m * hidden + j] = cell;
        outputs[layer][m * hidden + j] = output * VectorMath.tanh(cell);
      }
    }

    /**
     * Cross-entropy of {@code target} at position m and its gradient: adds to the output weights'
     * gradients and to {@code hiddenGradient}, weighted by {@code weight}.
     */
    private void outputLayer(float[] hiddenValues, int m, int target, float weight, float[] hiddenGradient) {
      int base = m * hidden;
      int c = classOf[target];
      int first = classStarts[c];
      int count = classStarts[c + 1] - first;
      if (factored()) {
        int classes = classScores.length;
        float[] wc = classWeights.values();
        System.arraycopy(classBias.values(), 0, classScores, 0, classes);
        for (int k = 0; k < hidden; k++) {
          VectorMath.axpy(hiddenValues[base + k], wc, k * classes, classScores, 0, classes);
        }
        softmaxInPlace(classScores, classes);
        classScores[c] -= 1f;
        float[] gradient = gradients[classWeights.index()];
        float[] biasGradient = gradients[classBias.index()];
        for (int i = 0; i < classes; i++) {
          classScores[i] *= weight;
          biasGradient[i] += classScores[i];
        }
        for (int k = 0; k < hidden; k++) {
          hiddenGradient[base + k] += dot(classScores, 0, wc, k * classes, classes);
          VectorMath.axpy(hiddenValues[base + k], classScores, 0, gradient, k * classes, classes);
        }
      }
      float[] ww = wordWeights.values();
      System.arraycopy(wordBias.values(), first, wordScores, 0, count);
      for (int k = 0; k < hidden; k++) {
        VectorMath.axpy(hiddenValues[base + k], ww, k * vocabularySize + first, wordScores, 0, count);
      }
      softmaxInPlace(wordScores, count);
      wordScores[target - first] -= 1f;
      float[] gradient = gradients[wordWeights.index()];
      float[] biasGradient = gradients[wordBias.index()];
      for (int i = 0; i < count; i++) {
        wordScores[i] *= weight;
        biasGradient[first + i] += wordScores[i];
      }
      for (int k = 0; k < hidden; k++) {
        hiddenGradient[base + k] += dot(wordScores, 0, ww, k * vocabularySize + first, count);
        VectorMath.axpy(hiddenValues[base + k], wordScores, 0, gradient, k * vocabularySize + first, count);
      }
    }

    private static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
      float sum = 0f;
      for (int i = 0; i < length; i++) {
        sum += a[aOffset + i] * b[bOffset + i];
      }
      return sum;
    }

    /**
     * Backpropagation through the layer's time steps, from {@code outputGradients[layer]}; adds the
     * weights' gradients and writes the gradient of the layer's input into {@code inputGradient}.
     */
    private void backwardLayer(int layer, int steps, float[] inputGradient) {
      int size = architecture.inputSize(layer);
      float[] recurrentTransposed = recurrentWeightsTransposed[layer];
      float[] recurrentGradientSum = gradients[recurrentWeights[layer].index()];
      Arrays.fill(recurrentGradient, 0f);
      Arrays.fill(cellGradient, 0f);
      for (int t = steps - 1; t >= 0; t--) {
        for (int r = 0; r < rows; r++) {
          int m = t * rows + r;
          float[] previous = previousHidden(layer, t, r);
          int previousOffset = previousOffset(t, r);
          float[] dh = scratchHidden;
          for (int j = 0; j < hidden; j++) {
            dh[j] = outputGradients[layer][m * hidden + j] + recurrentGradient[r * hidden + j];
          }
          int row = m * gateWidth;
          float[] toPrevious = scratchHidden2;
          Arrays.fill(toPrevious, 0f);
          switch (architecture.cell()) {
            case RNN -> {
              for (int j = 0; j < hidden; j++) {
                float h = gates[layer][row + j];
                gateGradients[row + j] = dh[j] * (1 - h * h);
              }
              addTransposed(gateGradients, row, 0, gateWidth, recurrentTransposed, toPrevious);
            }
            case GRU -> gruBackward(layer, m, previous, previousOffset, dh, toPrevious);
            case LSTM -> lstmBackward(layer, m, t, r, previous, previousOffset, dh);
          }
          if (architecture.cell() == CellType.LSTM) {
            addTransposed(gateGradients, row, 0, gateWidth, recurrentTransposed, toPrevious);
          }
          boolean reset = previous == null;
          for (int j = 0; j < hidden; j++) {
            recurrentGradient[r * hidden + j] = reset ? 0f : toPrevious[j];
          }
          if (reset) {
            Arrays.fill(cellGradient, r * hidden, (r + 1) * hidden, 0f);
          }
        }
      }
      int positions = steps * rows;
      float[] previousHidden = previousOutputs[layer];
      int previousWidth = architecture.cell() == CellType.GRU ? 2 * hidden : gateWidth;
      for (int k = 0; k < hidden; k++) {
        accumulate(previousHidden, k, hidden, gateGradients, 0, gateWidth, positions, recurrentGradientSum,
            k * gateWidth, previousWidth);
        if (architecture.cell() == CellType.GRU) {
          accumulate(resetHidden[layer], k, hidden, gateGradients, 2 * hidden, gateWidth, positions,
              recurrentGradientSum, k * gateWidth + 2 * hidden, hidden);
        }
      }
      float[] x = layerInput[layer];
      float[] inputGradientSum = gradients[inputWeights[layer].index()];
      float[] biasGradient = gradients[biases[layer].index()];
      float[] inputTransposed = inputWeightsTransposed[layer];
      for (int k = 0; k < size; k++) {
        accumulate(x, k, size, gateGradients, 0, gateWidth, positions, inputGradientSum, k * gateWidth, gateWidth);
      }
      for (int m = 0; m < positions; m++) {
        int row = m * gateWidth;
        VectorMath.axpy(1f, gateGradients, row, biasGradient, 0, gateWidth);
        accumulate(gateGradients, row, 1, inputTransposed, 0, size, gateWidth, inputGradient, m * size, size);
      }
    }

    /** target += Σ over gate columns g in [from, from + width) of gradient[row + g] · W<sup>T</sup>[g]. */
    private void addTransposed(float[] gradient, int row, int from, int width, float[] transposed, float[] target) {
      accumulate(gradient, row + from, 1, transposed, from * hidden, hidden, width, target, 0, hidden);
    }

    private void lstmBackward(int layer, int m, int t, int r, float[] previous, int previousOffset, float[] dh) {
      float[] act = gates[layer];
      int row = m * gateWidth;
      float[] previousCells = previous == null ? null : t == 0 ? initialCellState[layer] : cells[layer];
      for (int j = 0; j < hidden; j++) {
        float blockInput = act[row + j];
        float forget = act[row + hidden + j];
        float output = act[row + 2 * hidden + j];
        float input = act[row + 3 * hidden + j];
        float cellTanh = VectorMath.tanh(cells[layer][m * hidden + j]);
        float previousCell = previousCells == null ? 0f : previousCells[previousOffset + j];
        float dOutput = dh[j] * cellTanh;
        float dCell = cellGradient[r * hidden + j] + dh[j] * output * (1 - cellTanh * cellTanh);
        gateGradients[row + j] = dCell * input * (1 - blockInput * blockInput);
        gateGradients[row + hidden + j] = dCell * previousCell * forget * (1 - forget);
        gateGradients[row + 2 * hidden + j] = dOutput * output * (1 - output);
        gateGradients[row + 3 * hidden + j] = dCell * blockInput * input * (1 - input);
        cellGradient[r * hidden + j] = dCell * forget;
      }
    }

    private void gruBackward(int layer, int m, float[] previous, int previousOffset, float[] dh,
        float[] toPrevious) {
      float[] act = gates[layer];
      int row = m * gateWidth;
      for (int j = 0; j < hidden; j++) {
        float update = act[row + hidden + j];
        float candidate = act[row + 2 * hidden + j];
        float h = previous == null ? 0f : previous[previousOffset + j];
        gateGradients[row + 2 * hidden + j] = dh[j] * (1 - update) * (1 - candidate * candidate);
        gateGradients[row + hidden + j] = dh[j] * (h - candidate) * update * (1 - update);
        toPrevious[j] = dh[j] * update;
      }
      float[] resetHiddenGradient = scratchHidden3;
      Arrays.fill(resetHiddenGradient, 0f);
      addTransposed(gateGradients, row, 2 * hidden, hidden, recurrentWeightsTransposed[layer],
          resetHiddenGradient);
      for (int j = 0; j < hidden; j++) {
        float reset = act[row + j];
        float h = previous == null ? 0f : previous[previousOffset + j];
        gateGradients[row + j] = resetHiddenGradient[j] * h * reset * (1 - reset);
        toPrevious[j] += resetHiddenGradient[j] * reset;
      }
      addTransposed(gateGradients, row, 0, 2 * hidden, recurrentWeightsTransposed[layer], toPrevious);
    }
  }

  @Override
  public RnnLanguageModel toLanguageModel(Vocabulary vocabulary, Map<String, String> trainingInfo) {
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

  @Override
  public void saveCheckpoint(Path file) throws IOException {
    List<Tensor> tensors = new ArrayList<>();
    for (Parameter parameter : parameters) {
      tensors.add(new Tensor(parameter.name(), parameter.shape(), parameter.values()));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      TensorFile.write(tensors, out);
    }
  }

  @Override
  public void restoreCheckpoint(Path file) throws IOException {
    Map<String, Tensor> tensors;
    try (InputStream in = Files.newInputStream(file)) {
      tensors = TensorFile.read(in, file.toString());
    }
    for (Parameter parameter : parameters) {
      Tensor tensor = tensors.get(parameter.name());
      if (tensor == null || !Arrays.equals(tensor.shape(), parameter.shape())) {
        throw new IllegalArgumentException(file + ": checkpoint lacks " + parameter.name() + " of shape "
            + Arrays.toString(parameter.shape()));
      }
      System.arraycopy(tensor.values(), 0, parameter.values(), 0, parameter.values().length);
    }
    refreshTransposes();
    streamPosition = -1;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * Word classes for a class-factored softmax by Mikolov's binning on the square root of frequency:
   * consecutive ids (most frequent first) fill a class until it holds about 1/classes of the total.
   *
   * @return {@code classes + 1} starts (fewer classes if very frequent ids fill several shares)
   */
  static int[] classStarts(long[] counts, int classes) {
    double total = 0;
    for (long count : counts) {
      total += Math.sqrt(count);
    }
    List<Integer> starts = new ArrayList<>(List.of(0));
    double cumulative = 0;
    int current = 0;
    for (int id = 0; id < counts.length; id++) {
      int c = (int) Math.min(classes - 1, Math.floor(cumulative / total * classes));
      if (c > current && id > starts.get(starts.size() - 1)) {
        starts.add(id);
        current = c;
      }
      cumulative += Math.sqrt(counts[id]);
    }
    starts.add(counts.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
