package org.seqnlp.opennlp.namefind.training;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.seqnlp.opennlp.namefind.network.LinearChainCrf;

/**
 * The CRF negative log-likelihood as the loss of DL4J's output layer (identity activation), so that
 * DL4J back-propagates the CRF gradient through the BiLSTM. DL4J has no CRF layer and cannot see the
 * start, end and transition scores: this loss accumulates their gradient, which the trainer applies
 * with its own optimiser.
 *
 * <p>DL4J hands the loss the emissions of a {@code [batch, labels, time]} output as {@code [batch *
 * time, labels]} rows in time-major order (row {@code t * batch + b}), so the trainer announces each
 * batch's shape with {@link #prepare} before the step. Gradients are sums over the batch, as DL4J's
 * updater divides by the batch size itself.
 */
final class CrfLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;

  private transient LinearChainCrf crf;
  private transient int batchSize;
  private transient int timeSteps;
  private transient int[] lengths;
  private transient double[] startGradient;
  private transient double[] endGradient;
  private transient double[] transitionGradient;
  private transient double lastScore;

  /** For DL4J's configuration cloning; the trainer calls {@link #attach} before use. */
  CrfLoss() {
  }

  void attach(LinearChainCrf crf) {
    this.crf = crf;
    int labels = crf.labels();
    startGradient = new double[labels];
    endGradient = new double[labels];
    transitionGradient = new double[labels * labels];
  }

  /** Declares the shape of the next batch and clears the accumulated CRF gradients. */
  void prepare(int batchSize, int timeSteps, int[] lengths) {
    this.batchSize = batchSize;
    this.timeSteps = timeSteps;
    this.lengths = lengths;
    Arrays.fill(startGradient, 0);
    Arrays.fill(endGradient, 0);
    Arrays.fill(transitionGradient, 0);
  }

  double[] startGradient() {
    return startGradient;
  }

  double[] endGradient() {
    return endGradient;
  }

  double[] transitionGradient() {
    return transitionGradient;
  }

  /** Summed negative log-likelihood of the last batch a gradient was computed for. */
  double lastScore() {
    return lastScore;
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return run(labels, preOutput, true).getSecond();
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    Pair<Double, INDArray> result = run(labels, preOutput, true);
    return Pair.of(average ? result.getFirst() / batchSize : result.getFirst(), result.getSecond());
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    double score = run(labels, preOutput, false).getFirst();
    return average ? score / batchSize : score;
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    throw new UnsupportedOperationException("per-example CRF scores are not needed in training");
  }

  @Override
  public String name() {
    return "crf";
  }

  private Pair<Double, INDArray> run(INDArray labels, INDArray preOutput, boolean accumulate) {
    int labelCount = crf.labels();
    if (preOutput.rows() != (long) batchSize * timeSteps || preOutput.columns() != labelCount) {
      throw new IllegalStateException("CRF loss expected " + batchSize * timeSteps + " x " + labelCount
          + " emissions, DL4J passed " + Arrays.toString(preOutput.shape()));
    }
    float[] emissionRows = preOutput.castTo(DataType.FLOAT).dup('c').data().asFloat();
    float[] labelRows = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
    float[] gradientRows = new float[emissionRows.length];
    double total = 0;
    for (int b = 0; b < batchSize; b++) {
      int length = lengths[b];
      float[] emissions = new float[length * labelCount];
      int[] gold = new int[length];
      for (int t = 0; t < length; t++) {
        int row = (t * batchSize + b) * labelCount;
        System.arraycopy(emissionRows, row, emissions, t * labelCount, labelCount);
        gold[t] = argmax(labelRows, row, labelCount);
      }
      float[] gradient = new float[length * labelCount];
      double[] startSink = accumulate ? startGradient : new double[labelCount];
      double[] endSink = accumulate ? endGradient : new double[labelCount];
      double[] transitionSink = accumulate ? transitionGradient : new double[labelCount * labelCount];
      total += crf.negativeLogLikelihood(emissions, length, gold, 1.0, gradient, startSink, endSink,
          transitionSink);
      for (int t = 0; t < length; t++) {
        System.arraycopy(gradient, t * labelCount, gradientRows, (t * batchSize + b) * labelCount, labelCount);
      }
    }
    if (accumulate) {
      lastScore = total;
    }
    INDArray gradient = Nd4j.create(gradientRows, new long[] {preOutput.rows(), labelCount}, 'c')
        .castTo(preOutput.dataType());
    return Pair.of(total, gradient);
  }

  private static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
