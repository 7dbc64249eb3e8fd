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
  /**
   * The recurrent layers' weight matrices and their transposes as one array per row, refreshed after each
   * update: the matrix products run over them in the form the JIT vectorises ({@link VectorMath#addRows}).
   */
  private final float[][][] inputRows;
  private final float[][][] recurrentRows;
  private final float[][][] inputTransposedRows;
  private final float[][][] recurrentTransposedRows;

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
    inputRows = new float[layers][][];
    recurrentRows = new float[layers][][];
    inputTransposedRows = new float[layers][][];
    recurrentTransposedRows = new float[layers][][];
    for (int layer = 0; layer < layers; layer++) {
      inputWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, "input-weights"), random, initScale,
          architecture.inputSize(layer), gateWidth);
      recurrentWeights[layer] = parameter(RnnLanguageModel.layerTensor(layer, "recurrent-weights"), random,
          initScale, hidden, gateWidth);
      biases[layer] = parameter(RnnLanguageModel.layerTensor(layer, "bias"), random, 0, gateWidth);
      inputRows[layer] = new float[architecture.inputSize(layer)][gateWidth];
      recurrentRows[layer] = new float[hidden][gateWidth];
      inputTransposedRows[layer] = new float[gateWidth][architecture.inputSize(layer)];
      recurrentTransposedRows[layer] = new float[gateWidth][hidden];
    }
    int classes = factored() ? this.classStarts.length - 1 : 0;
    classWeights = factored() ? parameter(RnnLanguageModel.CLASS_WEIGHTS, random, initScale, hidden, classes)
        : null;
    classBias = factored() ? parameter(RnnLanguageModel.CLASS_BIAS, random, 0, classes) : null;
    wordWeights = parameter(RnnLanguageModel.OUTPUT_WEIGHTS, random, initScale, hidden, vocabularySize);
    wordBias = parameter(RnnLanguageModel.OUTPUT_BIAS, random, 0, vocabularySize);
    refreshRows();
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
    refreshRows();
  }

  private void refreshRows() {
    for (int layer = 0; layer < architecture.layers(); layer++) {
      float[] input = inputWeights[layer].values();
      float[] recurrent = recurrentWeights[layer].values();
      VectorMath.copyRows(input, inputRows[layer]);
      VectorMath.copyRows(recurrent, recurrentRows[layer]);
      VectorMath.copyTransposedRows(input, architecture.inputSize(layer), inputTransposedRows[layer]);
      VectorMath.copyTransposedRows(recurrent, hidden, recurrentTransposedRows[layer]);
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
    /** Per position, the gradient of the gate pre-activations. */
    private final float[][] gateGradients;
    private final float[] embeddingGradients;
    private final float[] recurrentGradient;
    private final float[] cellGradient;
    private final float[] scratchHidden;
    private final float[] scratchHidden2;
    private final float[] scratchHidden3;
    /** Zero-based copies of slices, so that products run in the vectorised form. */
    private final float[] scratchGates;
    private final float[] scratchInput;
    private final float[] scratchPositions;
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
      gateGradients = new float[positions][gateWidth];
      embeddingGradients = new float[positions * architecture.embeddingSize()];
      recurrentGradient = new float[rows * hidden];
      cellGradient = new float[rows * hidden];
      scratchHidden = new float[hidden];
      scratchHidden2 = new float[hidden];
      scratchHidden3 = new float[hidden];
      scratchGates = new float[gateWidth];
      scratchInput = new float[Math.max(architecture.embeddingSize(), hidden)];
      scratchPositions = new float[positions];
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
      float[] b = biases[layer].values();
      System.arraycopy(state[layer], 0, initialState[layer], 0, rows * hidden);
      System.arraycopy(cellState[layer], 0, initialCellState[layer], 0, rows * hidden);
      int positions = steps * rows;
      for (int m = 0; m < positions; m++) {
        System.arraycopy(b, 0, scratchGates, 0, gateWidth);
        VectorMath.addRows(inputRows[layer], x, m * size, 0, size, scratchGates, gateWidth);
        System.arraycopy(scratchGates, 0, pre, m * gateWidth, gateWidth);
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

    /** target[targetOffset ..] += h · U[:, 0 .. width), {@code width} entries. */
    private void addRecurrent(int layer, float[] previous, int previousOffset, float[] target, int targetOffset,
        int width) {
      System.arraycopy(target, targetOffset, scratchGates, 0, width);
      VectorMath.addRows(recurrentRows[layer], previous, previousOffset, 0, hidden, scratchGates, width);
      System.arraycopy(scratchGates, 0, target, targetOffset, width);
    }

    private void rnnForward(int layer, int m, float[] previous, int previousOffset) {
      float[] pre = gates[layer];
      int row = m * gateWidth;
      if (previous != null) {
        addRecurrent(layer, previous, previousOffset, pre, row, hidden);
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
        addRecurrent(layer, previous, previousOffset, pre, row, 2 * hidden);
      }
      for (int j = 0; j < hidden; j++) {
        float reset = VectorMath.sigmoid(pre[row + j]);
        pre[row + j] = reset;
        pre[row + hidden + j] = VectorMath.sigmoid(pre[row + hidden + j]);
        rh[m * hidden + j] = previous == null ? 0f : reset * previous[previousOffset + j];
      }
      // the candidate's columns start at an offset in U's rows: the slower product over the flat matrix
      for (int k = 0; k < hidden; k++) {
        float resetState = rh[m * hidden + k];
        if (resetState != 0f) {
          VectorMath.axpy(resetState, u, k * gateWidth + 2 * hidden, pre, row + 2 * hidden, hidden);
        }
      }
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
        addRecurrent(layer, previous, previousOffset, pre, row, gateWidth);
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
          float[] toPrevious = scratchHidden2;
          Arrays.fill(toPrevious, 0f);
          switch (architecture.cell()) {
            case RNN -> {
              for (int j = 0; j < hidden; j++) {
                float h = gates[layer][m * gateWidth + j];
                gateGradients[m][j] = dh[j] * (1 - h * h);
              }
              addTransposed(layer, gateGradients[m], 0, gateWidth, toPrevious);
            }
            case GRU -> gruBackward(layer, m, previous, previousOffset, dh, toPrevious);
            case LSTM -> lstmBackward(layer, m, t, r, previous, previousOffset, dh);
          }
          if (architecture.cell() == CellType.LSTM) {
            addTransposed(layer, gateGradients[m], 0, gateWidth, toPrevious);
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
        addOuterProductRow(previousHidden, k, hidden, positions, recurrentGradientSum, previousWidth);
        if (architecture.cell() == CellType.GRU) {
          for (int m = 0; m < positions; m++) {
            VectorMath.axpy(resetHidden[layer][m * hidden + k], gateGradients[m], 2 * hidden, recurrentGradientSum,
                k * gateWidth + 2 * hidden, hidden);
          }
        }
      }
      float[] x = layerInput[layer];
      float[] inputGradientSum = gradients[inputWeights[layer].index()];
      float[] biasGradient = gradients[biases[layer].index()];
      for (int k = 0; k < size; k++) {
        addOuterProductRow(x, k, size, positions, inputGradientSum, gateWidth);
      }
      for (int m = 0; m < positions; m++) {
        VectorMath.axpy(1f, gateGradients[m], 0, biasGradient, 0, gateWidth);
        System.arraycopy(inputGradient, m * size, scratchInput, 0, size);
        VectorMath.addRows(inputTransposedRows[layer], gateGradients[m], 0, 0, gateWidth, scratchInput, size);
        System.arraycopy(scratchInput, 0, inputGradient, m * size, size);
      }
    }

    /**
     * Row k of a weight gradient, Σ<sub>m</sub> values[m·width + k] · gateGradients[m][0 .. columns), added
     * to {@code gradient} (row-major, {@code gateWidth} columns).
     */
    private void addOuterProductRow(float[] values, int k, int width, int positions, float[] gradient,
        int columns) {
      for (int m = 0; m < positions; m++) {
        scratchPositions[m] = values[m * width + k];
      }
      System.arraycopy(gradient, k * gateWidth, scratchGates, 0, columns);
      VectorMath.addRows(gateGradients, scratchPositions, 0, 0, positions, scratchGates, columns);
      System.arraycopy(scratchGates, 0, gradient, k * gateWidth, columns);
    }

    /** target += Σ over gate columns g in [from, from + width) of gradient[g] · W<sup>T</sup>[g]. */
    private void addTransposed(int layer, float[] gradient, int from, int width, float[] target) {
      VectorMath.addRows(recurrentTransposedRows[layer], gradient, 0, from, from + width, target, hidden);
    }

    private void lstmBackward(int layer, int m, int t, int r, float[] previous, int previousOffset, float[] dh) {
      float[] act = gates[layer];
      int row = m * gateWidth;
      float[] gateGradient = gateGradients[m];
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
        gateGradient[j] = dCell * input * (1 - blockInput * blockInput);
        gateGradient[hidden + j] = dCell * previousCell * forget * (1 - forget);
        gateGradient[2 * hidden + j] = dOutput * output * (1 - output);
        gateGradient[3 * hidden + j] = dCell * blockInput * input * (1 - input);
        cellGradient[r * hidden + j] = dCell * forget;
      }
    }

    private void gruBackward(int layer, int m, float[] previous, int previousOffset, float[] dh,
        float[] toPrevious) {
      float[] act = gates[layer];
      int row = m * gateWidth;
      float[] gateGradient = gateGradients[m];
      for (int j = 0; j < hidden; j++) {
        float update = act[row + hidden + j];
        float candidate = act[row + 2 * hidden + j];
        float h = previous == null ? 0f : previous[previousOffset + j];
        gateGradient[2 * hidden + j] = dh[j] * (1 - update) * (1 - candidate * candidate);
        gateGradient[hidden + j] = dh[j] * (h - candidate) * update * (1 - update);
        toPrevious[j] = dh[j] * update;
      }
      float[] resetHiddenGradient = scratchHidden3;
      Arrays.fill(resetHiddenGradient, 0f);
      addTransposed(layer, gateGradient, 2 * hidden, hidden, resetHiddenGradient);
      for (int j = 0; j < hidden; j++) {
        float reset = act[row + j];
        float h = previous == null ? 0f : previous[previousOffset + j];
        gateGradient[j] = resetHiddenGradient[j] * h * reset * (1 - reset);
        toPrevious[j] += resetHiddenGradient[j] * reset;
      }
      addTransposed(layer, gateGradient, 0, 2 * hidden, toPrevious);
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
    refreshRows();
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
