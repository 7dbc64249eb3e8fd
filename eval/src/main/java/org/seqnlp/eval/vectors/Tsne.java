package org.seqnlp.eval.vectors;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * t-SNE (van der Maaten and Hinton 2008): places points in two dimensions so that neighbours in the input
 * stay neighbours, by matching Gaussian neighbour probabilities of the input (each point's width set to
 * reach the {@code perplexity}) with Student-t probabilities of the map. Up to {@value #EXACT_LIMIT}
 * points every pair is computed; above, Barnes-Hut t-SNE (van der Maaten 2014): the probabilities of each
 * point's {@code 3 x perplexity} nearest neighbours (found by an exact scan) and the repulsion of distant
 * groups of points approximated through a {@link QuadTree} with {@code theta} {@value #THETA}.
 *
 * <p>The optimisation is the reference implementation's (bhtsne): 1,000 iterations of gradient descent,
 * learning rate 200, momentum 0.5 then 0.8, per-coordinate gains, the input probabilities exaggerated 12
 * times for the first 250 iterations, a start from Gaussian noise of deviation 1e-4. It runs on one thread
 * in a fixed order, so a seed gives the same map every time.
 */
public final class Tsne {

  /** The most points whose every pair is computed; Barnes-Hut above. */
  public static final int EXACT_LIMIT = 1000;
  public static final double DEFAULT_PERPLEXITY = 30;
  static final double THETA = 0.5;
  private static final int ITERATIONS = 1000;
  private static final int EXAGGERATION_ITERATIONS = 250;
  private static final double EXAGGERATION = 12;
  private static final double LEARNING_RATE = 200;
  private static final double MIN_GAIN = 0.01;
  private static final int PERPLEXITY_STEPS = 200;
  private static final double PERPLEXITY_TOLERANCE = 1e-5;

  private final double perplexity;
  private final long seed;
  private final int exactLimit;

  /**
   * @param perplexity the effective number of neighbours each point keeps, above 0 (5 to 50 is usual)
   * @param seed the seed of the starting map
   */
  public Tsne(double perplexity, long seed) {
    this(perplexity, seed, EXACT_LIMIT);
  }

  /** With another limit of exact computation, so that tests reach Barnes-Hut with few points. */
  Tsne(double perplexity, long seed, int exactLimit) {
    if (!(perplexity > 0 && perplexity <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("perplexity must be a positive number, got " + perplexity);
    }
    this.perplexity = perplexity;
    this.seed = seed;
    this.exactLimit = exactLimit;
  }

  /** How a map of {@code points} points is made, for a plot's caption. */
  public String caption(int points) {
    return String.format(Locale.ROOT, "t-SNE (%s), perplexity %s, seed %d, %,d iterations",
        isExact(points) ? "exact" : "Barnes-Hut, theta " + THETA, BigDecimal.valueOf(perplexity)
            .stripTrailingZeros().toPlainString(), seed, ITERATIONS);
  }

  /** Whether {@code points} points are embedded exactly, not by Barnes-Hut. */
  public boolean isExact(int points) {
    return points <= exactLimit;
  }

  /** Throws IllegalArgumentException unless there are more points than the perplexity, as a map needs. */
  public void checkPoints(int points) {
    if (points <= perplexity) {
      throw new IllegalArgumentException("t-SNE with perplexity " + perplexity + " needs more than "
          + (int) Math.floor(perplexity) + " points, got " + points + "; lower the perplexity");
    }
  }

  /**
   * The two-dimensional map of {@code rows} (one input vector each, all of one length).
   *
   * @throws IllegalArgumentException when there are not more points than the perplexity
   */
  public double[][] embed(double[][] rows) {
    int n = rows.length;
    checkPoints(n);
    Affinities p = isExact(n) ? exactAffinities(rows) : neighbourAffinities(rows);
    Random random = new Random(seed);
    double[] y = new double[2 * n];
    for (int i = 0; i < y.length; i++) {
      y[i] = random.nextGaussian() * 1e-4;
    }
    double[] gradient = new double[2 * n];
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    Arrays.fill(gains, 1);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double exaggeration = iteration < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
      if (isExact(n)) {
        exactGradient(p, exaggeration, y, gradient);
      } else {
        barnesHutGradient(p, exaggeration, y, gradient);
      }
      double momentum = iteration < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
      for (int i = 0; i < y.length; i++) {
        boolean sameDirection = Math.signum(gradient[i]) == Math.signum(update[i]);
        gains[i] = Math.max(MIN_GAIN, sameDirection ? gains[i] * 0.8 : gains[i] + 0.2);
        update[i] = momentum * update[i] - LEARNING_RATE * gains[i] * gradient[i];
        y[i] += update[i];
      }
      centre(y);
    }
    double[][] map = new double[n][];
    for (int i = 0; i < n; i++) {
      map[i] = new double[] {y[2 * i], y[2 * i + 1]};
    }
    return map;
  }

  /**
   * Symmetric input probabilities summing to 1, stored by rows: the values of row i are at {@code
   * values[starts[i] .. starts[i + 1])}, their columns in {@code columns}.
   */
  private record Affinities(int[] starts, int[] columns, double[] values) {
  }

  private Affinities exactAffinities(double[][] rows) {
    int n = rows.length;
    int[] all = new int[n - 1];
    int[] starts = new int[n + 1];
    int[] columns = new int[n * (n - 1)];
    for (int i = 0; i < n; i++) {
      for (int j = 0, k = 0; j < n; j++) {
        if (j != i) {
          all[k++] = j;
        }
      }
      System.arraycopy(all, 0, columns, i * (n - 1), n - 1);
      starts[i + 1] = (i + 1) * (n - 1);
    }
    return symmetric(rows, starts, columns);
  }

  /** The probabilities of each point's {@code min(n - 1, 3 x perplexity)} nearest neighbours alone. */
  private Affinities neighbourAffinities(double[][] rows) {
    int n = rows.length;
    int k = (int) Math.min(n - 1, Math.ceil(3 * perplexity));
    int[] starts = new int[n + 1];
    int[] columns = new int[n * k];
    double[] distances = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        distances[j] = j == i ? Double.POSITIVE_INFINITY : squaredDistance(rows[i], rows[j]);
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> distances[a] != distances[b] ? Double.compare(distances[a], distances[b])
          : Integer.compare(a, b));
      for (int m = 0; m < k; m++) {
        columns[i * k + m] = order[m];
      }
      starts[i + 1] = (i + 1) * k;
    }
    return symmetric(rows, starts, columns);
  }

  /**
   * The conditional probabilities p(j|i) over the given neighbours, each row's Gaussian width found by
   * bisection to reach the perplexity, then made symmetric ((p(j|i) + p(i|j)) / 2n).
   */
  private Affinities symmetric(double[][] rows, int[] starts, int[] columns) {
    int n = rows.length;
    double[] conditional = new double[columns.length];
    double target = Math.log(perplexity);
    for (int i = 0; i < n; i++) {
      int from = starts[i];
      int count = starts[i + 1] - from;
      double[] distances = new double[count];
      for (int m = 0; m < count; m++) {
        distances[m] = squaredDistance(rows[i], rows[columns[from + m]]);
      }
      double beta = 1;
      double low = 0;
      double high = Double.POSITIVE_INFINITY;
      for (int step = 0; step < PERPLEXITY_STEPS; step++) {
        double entropy = gaussian(distances, beta, conditional, from);
        if (Math.abs(entropy - target) < PERPLEXITY_TOLERANCE) {
          break;
        }
        if (entropy > target) {
          low = beta;
          beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
        } else {
          high = beta;
          beta = (beta + low) / 2;
        }
      }
      gaussian(distances, beta, conditional, from);
    }
    return symmetrise(n, starts, columns, conditional);
  }

  /**
   * (p(j|i) + p(i|j)) / 2n for every pair that is a neighbour either way: each row of the conditional
   * probabilities merged with the same row of their transpose, both sorted by column.
   */
  private static Affinities symmetrise(int n, int[] starts, int[] columns, double[] conditional) {
    Affinities forward = sortedRows(n, starts, columns, conditional);
    int[] transposedStarts = new int[n + 1];
    for (int column : columns) {
      transposedStarts[column + 1]++;
    }
    for (int i = 0; i < n; i++) {
      transposedStarts[i + 1] += transposedStarts[i];
    }
    int[] transposedColumns = new int[columns.length];
    double[] transposedValues = new double[columns.length];
    int[] next = Arrays.copyOf(transposedStarts, n);
    for (int i = 0; i < n; i++) {
      for (int m = forward.starts[i]; m < forward.starts[i + 1]; m++) {
        int at = next[forward.columns[m]]++;
        transposedColumns[at] = i;
        transposedValues[at] = forward.values[m];
      }
    }
    int[] mergedStarts = new int[n + 1];
    int[] mergedColumns = new int[2 * columns.length];
    double[] mergedValues = new double[2 * columns.length];
    int at = 0;
    for (int i = 0; i < n; i++) {
      int a = forward.starts[i];
      int b = transposedStarts[i];
      while (a < forward.starts[i + 1] || b < transposedStarts[i + 1]) {
        int columnA = a < forward.starts[i + 1] ? forward.columns[a] : Integer.MAX_VALUE;
        int columnB = b < transposedStarts[i + 1] ? transposedColumns[b] : Integer.MAX_VALUE;
        int column = Math.min(columnA, columnB);
        double value = 0;
        if (columnA == column) {
          value += forward.values[a++];
        }
        if (columnB == column) {
          value += transposedValues[b++];
        }
        mergedColumns[at] = column;
        mergedValues[at++] = value / (2.0 * n);
      }
      mergedStarts[i + 1] = at;
    }
    return new Affinities(mergedStarts, Arrays.copyOf(mergedColumns, at), Arrays.copyOf(mergedValues, at));
  }

  /** The same rows with each row's entries in column order. */
  private static Affinities sortedRows(int n, int[] starts, int[] columns, double[] values) {
    int[] sortedColumns = new int[columns.length];
    double[] sortedValues = new double[values.length];
    for (int i = 0; i < n; i++) {
      int from = starts[i];
      int count = starts[i + 1] - from;
      long[] keyed = new long[count];
      for (int m = 0; m < count; m++) {
        keyed[m] = (long) columns[from + m] << 32 | m;
      }
      Arrays.sort(keyed);
      for (int m = 0; m < count; m++) {
        int original = from + (int) keyed[m];
        sortedColumns[from + m] = columns[original];
        sortedValues[from + m] = values[original];
      }
    }
    return new Affinities(starts, sortedColumns, sortedValues);
  }

  /**
   * Writes exp(-beta d) / sum to {@code into[from..]} and returns the distribution's entropy (natural
   * log). Distances are taken relative to the smallest, which changes nothing but keeps exp from
   * underflowing for every neighbour.
   */
  private static double gaussian(double[] distances, double beta, double[] into, int from) {
    double smallest = Arrays.stream(distances).min().orElse(0);
    double sum = 0;
    for (int m = 0; m < distances.length; m++) {
      into[from + m] = Math.exp(-beta * (distances[m] - smallest));
      sum += into[from + m];
    }
    double weighted = 0;
    for (int m = 0; m < distances.length; m++) {
      into[from + m] /= sum;
      weighted += into[from + m] * (distances[m] - smallest);
    }
    return Math.log(sum) + beta * weighted;
  }

  /** The gradient with every pair: (p - q) q~ (y_i - y_j) summed over j, q~ = 1 / (1 + |y_i - y_j|^2). */
  private static void exactGradient(Affinities p, double exaggeration, double[] y, double[] gradient) {
    int n = y.length / 2;
    double[] kernel = new double[n * n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double q = 1 / (1 + dx * dx + dy * dy);
        kernel[i * n + j] = q;
        kernel[j * n + i] = q;
        sum += 2 * q;
      }
    }
    double[] dense = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int m = p.starts[i]; m < p.starts[i + 1]; m++) {
        dense[i * n + p.columns[m]] = p.values[m] * exaggeration;
      }
    }
    Arrays.fill(gradient, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double q = kernel[i * n + j];
          double force = (dense[i * n + j] - q / sum) * q;
          gradient[2 * i] += force * (y[2 * i] - y[2 * j]);
          gradient[2 * i + 1] += force * (y[2 * i + 1] - y[2 * j + 1]);
        }
      }
    }
  }

  /** The Barnes-Hut gradient: attraction along the sparse probabilities, repulsion through a quadtree. */
  private static void barnesHutGradient(Affinities p, double exaggeration, double[] y, double[] gradient) {
    int n = y.length / 2;
    Arrays.fill(gradient, 0);
    for (int i = 0; i < n; i++) {
      for (int m = p.starts[i]; m < p.starts[i + 1]; m++) {
        int j = p.columns[m];
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double force = p.values[m] * exaggeration / (1 + dx * dx + dy * dy);
        gradient[2 * i] += force * dx;
        gradient[2 * i + 1] += force * dy;
      }
    }
    QuadTree tree = QuadTree.of(y);
    double[] repulsion = new double[2 * n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += tree.repulsion(i, y[2 * i], y[2 * i + 1], THETA, repulsion);
    }
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] -= repulsion[i] / sum;
    }
  }

  private static void centre(double[] y) {
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < y.length; i += 2) {
      meanX += y[i];
      meanY += y[i + 1];
    }
    meanX /= y.length / 2;
    meanY /= y.length / 2;
    for (int i = 0; i < y.length; i += 2) {
      y[i] -= meanX;
      y[i + 1] -= meanY;
    }
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      sum += d * d;
    }
    return sum;
  }
}
