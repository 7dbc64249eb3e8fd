package org.seqnlp.eval.vectors;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.seqnlp.io.OutputFiles;

/**
 * A scatter plot of chosen words projected on the first two principal components of their (unit)
 * vectors, drawn with Java2D (works headless) and written as PNG. Words a model does not know are
 * left out.
 */
public final class PcaPlot {

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 900;
  private static final int MARGIN = 70;
  private static final int DOT = 7;

  /** A word at its projected position. */
  public record Point(String word, double x, double y) {
  }

  private final List<Point> points;
  private final double[] explainedVariance;

  private PcaPlot(List<Point> points, double[] explainedVariance) {
    this.points = points;
    this.explainedVariance = explainedVariance;
  }

  /**
   * Projects those of {@code words} that {@code vectors} knows.
   *
   * @throws IllegalArgumentException when fewer than three of the words are known
   */
  public static PcaPlot project(UnitVectors vectors, List<String> words) {
    List<String> known = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (String word : words) {
      int row = vectors.find(word);
      if (row >= 0 && !known.contains(vectors.word(row))) {
        known.add(vectors.word(row));
        float[] vector = vectors.vector(row);
        double[] values = new double[vector.length];
        for (int k = 0; k < vector.length; k++) {
          values[k] = vector[k];
        }
        rows.add(values);
      }
    }
    if (known.size() < 3) {
      throw new IllegalArgumentException("a plot needs at least 3 known words, found " + known);
    }
    RealMatrix data = new Array2DRowRealMatrix(rows.toArray(new double[0][]), false);
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
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      points.add(new Point(known.get(i), projected.getEntry(i, 0), projected.getEntry(i, 1)));
    }
    return new PcaPlot(points, new double[] {singular[0] * singular[0] / total,
        singular[1] * singular[1] / total});
  }

  /**
   * The first position for a label next to the dot at ({@code x}, {@code y}) that overlaps no dot and no label
   * placed before: right, left, then further above and below, so that words in a cluster stay readable.
   */
  private static Rectangle placeLabel(int x, int y, int width, int height, List<Rectangle> placed) {
    Rectangle candidate = null;
    for (int step = 0; step < 12; step++) {
      int shift = (step / 2 + 1) / 2 * height * (step % 4 < 2 ? -1 : 1);
      int left = step % 2 == 0 ? x + DOT : x - DOT - width;
      candidate = new Rectangle(left, y - height / 2 + shift, width, height);
      Rectangle tested = candidate;
      if (placed.stream().noneMatch(tested::intersects)) {
        return candidate;
      }
    }
    return candidate;
  }

  public List<Point> points() {
    return points;
  }

  /** The share of the words' variance along the first and the second axis. */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /** Draws the plot and writes it to {@code file} as PNG. */
  public void writePng(Path file, String title) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(new Color(200, 200, 200));
      g.setStroke(new BasicStroke(1));
      g.drawRect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      g.drawString(title, MARGIN, MARGIN - 30);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString(String.format(java.util.Locale.ROOT, "PCA: axis 1 %.0f%%, axis 2 %.0f%% of the variance",
          100 * explainedVariance[0], 100 * explainedVariance[1]), MARGIN, HEIGHT - MARGIN + 35);
      double minX = points.stream().mapToDouble(Point::x).min().orElseThrow();
      double maxX = points.stream().mapToDouble(Point::x).max().orElseThrow();
      double minY = points.stream().mapToDouble(Point::y).min().orElseThrow();
      double maxY = points.stream().mapToDouble(Point::y).max().orElseThrow();
      int inner = 30;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
      FontMetrics metrics = g.getFontMetrics();
      int[] xs = new int[points.size()];
      int[] ys = new int[points.size()];
      // Dots are placed first and count as taken space, so that no label covers a dot.
      List<Rectangle> taken = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        xs[i] = MARGIN + inner + (int) ((points.get(i).x() - minX) / Math.max(1e-12, maxX - minX)
            * (WIDTH - 2 * MARGIN - 2 * inner - 100));
        ys[i] = HEIGHT - MARGIN - inner - (int) ((points.get(i).y() - minY) / Math.max(1e-12, maxY - minY)
            * (HEIGHT - 2 * MARGIN - 2 * inner));
        taken.add(new Rectangle(xs[i] - DOT / 2, ys[i] - DOT / 2, DOT, DOT));
        g.setColor(new Color(31, 119, 180));
        g.fillOval(xs[i] - DOT / 2, ys[i] - DOT / 2, DOT, DOT);
      }
      for (int i = 0; i < points.size(); i++) {
        String word = points.get(i).word();
        Rectangle label = placeLabel(xs[i], ys[i], metrics.stringWidth(word), metrics.getHeight(), taken);
        taken.add(label);
        g.setColor(Color.BLACK);
        g.drawString(word, label.x, label.y + metrics.getAscent());
        if (Math.abs(label.y + label.height / 2 - ys[i]) > label.height) {
          g.setColor(Color.LIGHT_GRAY);
          g.drawLine(xs[i], ys[i], label.x, label.y + label.height / 2);
        }
      }
    } finally {
      g.dispose();
    }
    OutputFiles.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
