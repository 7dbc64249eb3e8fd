package org.seqnlp.eval.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.seqnlp.opennlp.nn.VectorMath;

/**
 * The two loop forms of the vector-matrix product that the recurrent networks are made of, timed in one
 * process: one {@link VectorMath#axpy} per matrix row over a flat row-major matrix into an output at an
 * offset (the language-model trainer's form before it moved to row arrays), and {@link
 * VectorMath#addRows} over one array per row into a zero-based output. Both compute the same sums; the
 * ratio of their rates is what the JIT's vectorisation of the second form is worth.
 *
 * <p>Arguments: input size, output size, batch (products per pass), passes; defaults 200 800 20 2000,
 * the shapes of a 200-unit LSTM step over a batch of 20.
 */
public final class MatrixProductBenchmark {

  private final int inputSize;
  private final int outputSize;
  private final int batch;
  private final float[] inputs;
  private final float[] matrix;
  private final float[][] rows;

  MatrixProductBenchmark(int inputSize, int outputSize, int batch, long seed) {
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.batch = batch;
    Random random = new Random(seed);
    inputs = new float[batch * inputSize];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = random.nextFloat() - 0.5f;
    }
    matrix = new float[inputSize * outputSize];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = (random.nextFloat() - 0.5f) * 0.1f;
    }
    rows = VectorMath.splitRows(matrix, inputSize, outputSize);
  }

  /** The batch's products, one axpy per matrix row, into {@code out} at offsets. */
  void flatProducts(float[] out) {
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < inputSize; i++) {
        VectorMath.axpy(inputs[b * inputSize + i], matrix, i * outputSize, out, b * outputSize, outputSize);
      }
    }
  }

  /** The same products over row arrays, each into a zero-based scratch copied back, as the trainer does. */
  void rowProducts(float[] out, float[] scratch) {
    for (int b = 0; b < batch; b++) {
      System.arraycopy(out, b * outputSize, scratch, 0, outputSize);
      VectorMath.addRows(rows, inputs, b * inputSize, 0, inputSize, scratch, outputSize);
      System.arraycopy(scratch, 0, out, b * outputSize, outputSize);
    }
  }

  public static void main(String[] args) {
    int[] settings = {200, 800, 20, 2000};
    for (int i = 0; i < Math.min(args.length, settings.length); i++) {
      settings[i] = Integer.parseInt(args[i]);
    }
    MatrixProductBenchmark benchmark = new MatrixProductBenchmark(settings[0], settings[1], settings[2], 1);
    int passes = settings[3];
    float[] flat = new float[settings[2] * settings[1]];
    float[] byRows = new float[flat.length];
    float[] scratch = new float[settings[1]];
    double flops = 2.0 * passes * settings[2] * settings[0] * settings[1];
    System.out.println("input x output, batch, passes: " + Arrays.toString(settings));
    for (int round = 1; round <= 5; round++) {
      Arrays.fill(flat, 0f);
      Arrays.fill(byRows, 0f);
      long started = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        benchmark.flatProducts(flat);
      }
      double flatSeconds = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      for (int pass = 0; pass < passes; pass++) {
        benchmark.rowProducts(byRows, scratch);
      }
      double rowSeconds = (System.nanoTime() - started) / 1e9;
      if (!Arrays.equals(flat, byRows)) {
        throw new IllegalStateException("the two forms disagree");
      }
      System.out.printf(Locale.ROOT, "round %d: flat with offsets %.2f GFLOP/s, row arrays %.2f GFLOP/s, ratio %.1f%n",
          round, flops / flatSeconds / 1e9, flops / rowSeconds / 1e9, flatSeconds / rowSeconds);
    }
  }
}
