package org.seqnlp.eval.vectors;

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
   * @throws IllegalArgumentException when the rows are all the same, or too large to project
   */
  public static PcaProjection of(double[][] rows) {
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
    double largest = singular[0];
    if (largest == 0 || !Double.isFinite(largest)) {
      throw new IllegalArgumentException(largest == 0
          ? "the words to plot all have the same vector, so no axis tells them apart"
          : "the vectors of the words to plot are too large for PCA (values near the float limit)");
    }
    // relative to the largest, so that squares of large values do not overflow
    double total = 0;
    for (double value : singular) {
      total += (value / largest) * (value / largest);
    }
    return new PcaProjection(projected.getData(), new double[] {1 / total,
        (singular[1] / largest) * (singular[1] / largest) / total});
  }

  /** How the plot was made, for its caption. */
  public String caption() {
    return String.format(Locale.ROOT, "PCA: axis 1 %.0f%%, axis 2 %.0f%% of the variance",
        100 * explainedVariance[0], 100 * explainedVariance[1]);
  }
}
