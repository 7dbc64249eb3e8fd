package org.seqnlp.opennlp.nn;

/**
 * The Elman RNN of DL4J's {@code SimpleRnn} with tanh: h<sub>t</sub> = tanh(x·W + h<sub>t-1</sub>·RW + b),
 * with {@code W [nIn, nOut]}, {@code RW [nOut, nOut]} row-major and {@code b [nOut]}. State: {@code [h]}.
 */
public final class SimpleRnnCell implements RecurrentCell {

  private final int inputSize;
  private final int hidden;
  private final AffineLayer input;
  private final float[] recurrentWeights;

  public SimpleRnnCell(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    TokenEncoder.requireLength("RNN recurrent weights", recurrentWeights, (long) hidden * hidden);
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.input = new AffineLayer(inputSize, hidden, inputWeights, bias);
    this.recurrentWeights = recurrentWeights;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int hidden() {
    return hidden;
  }

  @Override
  public int stateSize() {
    return hidden;
  }

  @Override
  public void step(float[] x, float[] state, float[] next) {
    input.apply(x, next);
    for (int h = 0; h < hidden; h++) {
      if (state[h] != 0f) {
        VectorMath.axpy(state[h], recurrentWeights, h * hidden, next, 0, hidden);
      }
    }
    for (int h = 0; h < hidden; h++) {
      next[h] = VectorMath.tanh(next[h]);
    }
  }
}
