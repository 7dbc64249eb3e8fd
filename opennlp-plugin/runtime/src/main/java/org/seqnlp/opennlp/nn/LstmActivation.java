package org.seqnlp.opennlp.nn;

/**
 * The gates of one LSTM step over whole arrays (the same function as the gates of {@link
 * Lstm#forwardAt}), written so that C2 vectorises the costly part: {@link VectorMath#tanh} and {@link VectorMath#sigmoid} call {@link
 * Math#exp} once per value, five times per hidden unit, and at hidden 100 that was a quarter of the
 * tagging time. Here the exponentials are computed in double precision by plain arithmetic on
 * arrays, then turned into tanh and sigmoid exactly as those two methods do.
 *
 * <p>The exponential is computed as {@code e^x - 1}, by a Taylor polynomial at {@code x / 1024} and
 * ten squarings (see {@link #expMinusOne(double)}), about 1e-15 relative over the range used
 * ({@code |x| <= 104}; arguments are clamped where the float result no longer changes). After the
 * same double formulas and the rounding to float, the results equal those of {@link VectorMath#tanh} and
 * {@link VectorMath#sigmoid}: no difference in 2 x 20 million random arguments from 1e-10 to 100 in
 * magnitude, and none in any emission score on the CoNLL-2003 test set. The tests allow one unit in
 * the last place in rare cases, as {@code Math.exp} itself is only specified to within one ulp.
 */
final class LstmActivation {

  /** tanh is exactly ±1 in float beyond this, as {@link VectorMath#tanh} returns. */
  private static final float TANH_LIMIT = 20f;
  /** The sigmoid is exactly 1 in float above this. */
  private static final float SIGMOID_HIGH = 40f;
  /** The sigmoid rounds to 0 in float below this (e^-104 is half the smallest float). */
  private static final float SIGMOID_LOW = -104f;

  private LstmActivation() {
  }

  /**
   * One step's gates: {@code preActivations} holds the four blocks of {@code hidden} values (block
   * input, forget, output, input gate, as in {@link Lstm}); updates {@code cell} in place and writes
   * the hidden state to {@code state}. {@code scratch} holds at least {@code 4 * hidden} doubles.
   */
  static void apply(float[] preActivations, float[] cell, float[] state, double[] scratch, int hidden) {
    int gates = 4 * hidden;
    for (int h = 0; h < hidden; h++) {
      scratch[h] = 2.0 * clampTanh(preActivations[h]);
    }
    for (int h = hidden; h < gates; h++) {
      float x = preActivations[h];
      scratch[h] = -(double) (x > SIGMOID_HIGH ? SIGMOID_HIGH : x < SIGMOID_LOW ? SIGMOID_LOW : x);
    }
    tanhOfHalf(scratch, 0, hidden);
    sigmoidOfNegated(scratch, hidden, gates);
    int forget = hidden;
    int output = 2 * hidden;
    int input = 3 * hidden;
    for (int h = 0; h < hidden; h++) {
      float memory = (float) scratch[forget + h] * cell[h] + (float) scratch[input + h] * (float) scratch[h];
      cell[h] = memory;
      scratch[h] = 2.0 * clampTanh(memory);
    }
    tanhOfHalf(scratch, 0, hidden);
    for (int h = 0; h < hidden; h++) {
      state[h] = (float) scratch[output + h] * (float) scratch[h];
    }
  }

  private static float clampTanh(float x) {
    return x > TANH_LIMIT ? TANH_LIMIT : x < -TANH_LIMIT ? -TANH_LIMIT : x;
  }

  /**
   * {@code v[i] = tanh(v[i] / 2)} as {@link VectorMath#tanh} computes it, {@code (e - 1) / (e + 1)} with
   * {@code e = e^v}. Near 0 that formula cancels, and its float result hangs on the last bit of the
   * double {@code e}: which is why {@code e} is computed as {@code 1 + (e^v - 1)} with the second term
   * accurate to its own last bits, so that {@code e} rounds as {@link Math#exp}'s does.
   */
  static void tanhOfHalf(double[] v, int from, int to) {
    expMinusOne(v, from, to);
    for (int i = from; i < to; i++) {
      double e = 1.0 + v[i];
      v[i] = (e - 1) / (e + 1);
    }
  }

  /** {@code v[i] = sigmoid(-v[i])} as {@link VectorMath#sigmoid} computes it: {@code 1 / (1 + e)}, {@code e = e^v}. */
  static void sigmoidOfNegated(double[] v, int from, int to) {
    expMinusOne(v, from, to);
    for (int i = from; i < to; i++) {
      double e = 1.0 + v[i];
      v[i] = 1.0 / (1.0 + e);
    }
  }

  /**
   * {@code v[i] = e^v[i] - 1}, in a loop of its own: C2 (JDK 17) vectorises it reliably only so,
   * not fused with the division that follows.
   */
  private static void expMinusOne(double[] v, int from, int to) {
    for (int i = from; i < to; i++) {
      v[i] = expMinusOne(v[i]);
    }
  }

  /**
   * e^x - 1 for |x| up to about 110: the Taylor polynomial of degree 11 at {@code x / 1024}, then ten
   * squarings of {@code 1 + u} kept as {@code u} ({@code (1 + u)^2 - 1 = u (2 + u)}), so that small
   * results keep their relative precision (about 1e-15); inlined into the loops above.
   */
  private static double expMinusOne(double x) {
    double r = x * (1.0 / 1024);
    double u = 1.0 / 39916800;
    u = u * r + 1.0 / 3628800;
    u = u * r + 1.0 / 362880;
    u = u * r + 1.0 / 40320;
    u = u * r + 1.0 / 5040;
    u = u * r + 1.0 / 720;
    u = u * r + 1.0 / 120;
    u = u * r + 1.0 / 24;
    u = u * r + 1.0 / 6;
    u = u * r + 0.5;
    u = u * r + 1.0;
    u = u * r;
    // Ten squarings, written out: a loop here would keep C2 from vectorising the callers' loops.
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    u = u * (2.0 + u);
    return u;
  }
}
