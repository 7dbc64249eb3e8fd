package org.seqnlp.eval.vectors;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The projection of vectors on their first two principal components: a linear map that keeps the
 * directions of largest variance, so distant groups stay apart but close ones may overlap.
 *
 * @param coordinates per input row, its position on the first and the second axis
 * @param explainedVariance the share of the rows' variance along the first and the second axis
 */
public record PcaProjection(double[][] coordinates, double[] explainedVariance) {

  /**
   * Projects {@code rows}, at least two vectors of one length.
   *
   * @throws IllegalArgumentException when the rows are all the same
   */
  public static PcaProjection of(double[][] rows) {
    // compared as they are: centred, equal rows leave rounding residue that would pass for an axis of all the variance
    if (Arrays.stream(rows).allMatch(row -> sameValues(row, rows[0]))) {
      throw new IllegalArgumentException("the words to plot all have the same vector, so no axis tells them apart");
    }
    RealMatrix data = new Array2DRowRealMatrix(rows, true);
    for (int column = 0; column < data.getColumnDimension(); column++) {
      double mean = 0;
      for (int row = 0; row < data.getRowDimension(); row++) {
        mean += data.getEntry(row, column) / data.getRowDimension();
      }
      for (int row = 0; row < data.getRowDimension(); row++) {
        data.addToEntry(row, column, -mean);
      }
    }
    // The right singular vectors of the centred data are the principal axes, largest first.
    SingularValueDecomposition svd = new SingularValueDecomposition(data);
    RealMatrix projected = data.multiply(svd.getV().getSubMatrix(0, data.getColumnDimension() - 1, 0, 1));
    double[] singular = svd.getSingularValues();
    double total = 0;
    for (double value : singular) {
      total += value * value;
    }
    return new PcaProjection(projected.getData(), new double[] {singular[0] * singular[0] / total,
        singular[1] * singular[1] / total});
  }

  /**
   * Whether the rows hold equal numbers, 0 and -0 alike (which {@link Arrays#equals(double[], double[])} tells
   * apart).
   */
  private static boolean sameValues(double[] row, double[] other) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] != other[i]) {
        return false;
      }
    }
    return true;
  }

  /** How the plot was made, for its caption. */
  public String caption() {
    return String.format(Locale.ROOT, "PCA: axis 1 %.0f%%, axis 2 %.0f%% of the variance",
        100 * explainedVariance[0], 100 * explainedVariance[1]);
  }
}
