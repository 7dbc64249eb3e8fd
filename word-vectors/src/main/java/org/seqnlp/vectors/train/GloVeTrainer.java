package org.seqnlp.vectors.train;

import java.util.List;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.kernels.VectorKernels;
import org.seqnlp.vectors.kernels.Vectorization;

/**
 * Trains GloVe vectors (Pennington et al. 2014) as the Stanford tool does: count co-occurrences
 * weighted 1/distance in a symmetric window, shuffle the non-zero cells once, then minimise
 * {@code f(x) (w·c + b_w + b_c - log x)^2} with {@code f(x) = min(1, (x/x_max)^alpha)} by AdaGrad over
 * the cells, threads working lock-free on contiguous parts of the shuffled cells. The result is the
 * sum of word and context vectors, most frequent word first.
 */
public final class GloVeTrainer {

  private final GloVeSettings settings;

  /** @throws IllegalArgumentException when a setting is out of range ({@link GloVeSettings#validate}) */
  public GloVeTrainer(GloVeSettings settings) {
    this.settings = settings.validate();
  }

  /**
   * Trains on {@code corpus}, reporting co-occurrence cells per second through {@code progress}.
   *
   * @throws IllegalStateException when training diverged, leaving vectors that are not finite
   */
  public WordVectors train(EncodedCorpus corpus, ProgressFactory progress) {
    List<String> words = corpus.words();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no words in its vocabulary");
    }
    Cells cells;
    try (Progress report = progress.start("counting co-occurrences", 0, "cells")) {
      CooccurrenceMatrix matrix = CooccurrenceMatrix.count(corpus, settings.window(), settings.threads());
      cells = new Cells(matrix, settings);
      report.advance(cells.size);
    }
    cells.shuffle(settings.seed());
    Parameters parameters = new Parameters(words.size(), settings, Vectorization.kernels());
    int[] chunkStarts = new int[settings.threads() + 1];
    for (int worker = 0; worker <= settings.threads(); worker++) {
      chunkStarts[worker] = (int) ((long) cells.size * worker / settings.threads());
    }
    try (Progress report = progress.start("training glove", (long) cells.size * settings.epochs(), "cells")) {
      for (int epoch = 0; epoch < settings.epochs(); epoch++) {
        Workers.run("glove", settings.threads(),
            worker -> parameters.train(cells, chunkStarts[worker], chunkStarts[worker + 1], report));
      }
    }
    return Divergence.requireFinite(new WordVectors(words, settings.dimension(), parameters.wordPlusContext()),
        settings.learningRate());
  }

  /** The non-zero co-occurrences as parallel arrays, with their weight and log precomputed. */
  private static final class Cells {
    final int size;
    final int[] rows;
    final int[] columns;
    final float[] weights;
    final float[] logCounts;

    Cells(CooccurrenceMatrix matrix, GloVeSettings settings) {
      long count = matrix.nonZeroCount();
      if (count > ArrayLimits.MAX_LENGTH) {
        throw new IllegalStateException(count + " co-occurrence cells: too many; use a smaller window or"
            + " vocabulary");
      }
      size = (int) count;
      rows = new int[size];
      columns = new int[size];
      weights = new float[size];
      logCounts = new float[size];
      int[] next = {0};
      matrix.drain((row, column, value) -> {
        int i = next[0]++;
        rows[i] = row;
        columns[i] = column;
        weights[i] = (float) Math.min(1, Math.pow(value / settings.xMax(), settings.alpha()));
        logCounts[i] = (float) Math.log(value);
      });
    }

    /** Fisher-Yates, so that neighbouring updates touch unrelated rows. */
    void shuffle(long seed) {
      long random = seed;
      for (int i = size - 1; i > 0; i--) {
        random = FastRandom.next(random);
        int j = FastRandom.below(random, i + 1);
        swap(rows, i, j);
        swap(columns, i, j);
        swap(weights, i, j);
        swap(logCounts, i, j);
      }
    }

    private static void swap(int[] array, int i, int j) {
      int value = array[i];
      array[i] = array[j];
      array[j] = value;
    }

    private static void swap(float[] array, int i, int j) {
      float value = array[i];
      array[i] = array[j];
      array[j] = value;
    }
  }

  /** Word and context vectors and biases with their AdaGrad sums of squared gradients. */
  private static final class Parameters {
    private static final int CELLS_PER_REPORT = 100_000;

    final int dimension;
    final float learningRate;
    final VectorKernels kernels;
    final float[] words;
    final float[] contexts;
    final float[] wordBiases;
    final float[] contextBiases;
    final float[] wordSquares;
    final float[] contextSquares;
    final float[] wordBiasSquares;
    final float[] contextBiasSquares;

    Parameters(int vocabularySize, GloVeSettings settings, VectorKernels kernels) {
      this.kernels = kernels;
      dimension = settings.dimension();
      learningRate = (float) settings.learningRate();
      int length = Math.multiplyExact(vocabularySize, dimension);
      words = new float[length];
      contexts = new float[length];
      wordBiases = new float[vocabularySize];
      contextBiases = new float[vocabularySize];
      wordSquares = ones(length);
      contextSquares = ones(length);
      wordBiasSquares = ones(vocabularySize);
      contextBiasSquares = ones(vocabularySize);
      long random = settings.seed();
      for (float[] array : new float[][] {words, contexts, wordBiases, contextBiases}) {
        for (int i = 0; i < array.length; i++) {
          random = FastRandom.next(random);
          array[i] = (FastRandom.unit(random) - 0.5f) / dimension;
        }
      }
    }

    private static float[] ones(int length) {
      float[] array = new float[length];
      java.util.Arrays.fill(array, 1f);
      return array;
    }

    void train(Cells cells, int from, int to, Progress progress) {
      for (int i = from; i < to; i++) {
        int word = cells.rows[i];
        int context = cells.columns[i];
        int w = word * dimension;
        int c = context * dimension;
        float score = kernels.dot(words, w, contexts, c, dimension) + wordBiases[word] + contextBiases[context]
            - cells.logCounts[i];
        float step = cells.weights[i] * score * learningRate;
        for (int k = 0; k < dimension; k++) {
          float wordGradient = step * contexts[c + k];
          float contextGradient = step * words[w + k];
          words[w + k] -= wordGradient / (float) Math.sqrt(wordSquares[w + k]);
          contexts[c + k] -= contextGradient / (float) Math.sqrt(contextSquares[c + k]);
          wordSquares[w + k] += wordGradient * wordGradient;
          contextSquares[c + k] += contextGradient * contextGradient;
        }
        wordBiases[word] -= step / (float) Math.sqrt(wordBiasSquares[word]);
        contextBiases[context] -= step / (float) Math.sqrt(contextBiasSquares[context]);
        wordBiasSquares[word] += step * step;
        contextBiasSquares[context] += step * step;
        if ((i - from + 1) % CELLS_PER_REPORT == 0) {
          progress.advance(CELLS_PER_REPORT);
        }
      }
      progress.advance((to - from) % CELLS_PER_REPORT);
    }

    float[] wordPlusContext() {
      float[] sum = new float[words.length];
      for (int i = 0; i < sum.length; i++) {
        sum[i] = words[i] + contexts[i];
      }
      return sum;
    }
  }
}
