package org.seqnlp.eval.vectors;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.seqnlp.io.OutputFiles;

/**
 * A scatter plot of words at two-dimensional positions (a projection of their vectors), each labelled, in
 * its group's colour with a legend when there are several groups, drawn with Java2D (works headless)
 * and written as PNG. Plots of many words get a larger canvas and a smaller font.
 */
public final class WordPlot {

  private static final int MARGIN = 70;
  private static final int DOT = 7;
  /** Plots of more words than this get the large canvas. */
  private static final int SMALL_PLOT_WORDS = 60;
  /** Colours distinguishable on white, from the Tableau 10 palette, darkened for text. */
  private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40),
      new Color(44, 140, 44), new Color(148, 103, 189), new Color(230, 115, 0), new Color(140, 86, 75),
      new Color(207, 60, 164), new Color(90, 90, 90), new Color(150, 150, 20), new Color(23, 160, 175)};

  /** A word at its projected position, in group {@code group}. */
  public record Point(String word, double x, double y, int group) {
  }

  private final List<Point> points;
  private final List<String> groups;
  private final String caption;

  /**
   * @param groups the names of the groups the points' indices refer to (a single unnamed group draws no legend)
   * @param caption a line under the plot saying how it was projected
   */
  public WordPlot(List<Point> points, List<String> groups, String caption) {
    this.points = List.copyOf(points);
    this.groups = List.copyOf(groups);
    this.caption = caption;
  }

  /** The words of {@code known} at {@code coordinates} (one x, y pair per word, in order). */
  public static WordPlot of(PlotWords.Known known, double[][] coordinates, List<String> groups, String caption) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < known.words().size(); i++) {
      points.add(new Point(known.words().get(i), coordinates[i][0], coordinates[i][1], known.groups().get(i)));
    }
    return new WordPlot(points, groups, caption);
  }

  public List<Point> points() {
    return points;
  }

  public String caption() {
    return caption;
  }

  /** Draws the plot and writes it to {@code file} as PNG. */
  public void writePng(Path file, String title) throws IOException {
    boolean large = points.size() > SMALL_PLOT_WORDS;
    int width = large ? 2400 : 1200;
    int height = large ? 1800 : 900;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(200, 200, 200));
      g.setStroke(new BasicStroke(1));
      g.drawRect(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
      g.drawString(title, MARGIN, MARGIN - 30);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString(caption, MARGIN, height - MARGIN + 35);
      drawLegend(g, width);
      drawPoints(g, width, height, large ? 15 : 17);
    } finally {
      g.dispose();
    }
    // Encoded in memory first: ImageIO wraps a failed write in "I/O error writing PNG file!", naming no file, and
    // leaves its cache file to a shutdown hook that then prints a stack trace; a plot is a few hundred kB.
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(png)) {
      if (!ImageIO.write(image, "png", stream)) {
        throw new IOException("no PNG writer available");
      }
    }
    OutputFiles.write(file, png::writeTo);
  }

  private void drawLegend(Graphics2D g, int width) {
    if (groups.size() < 2) {
      return;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    FontMetrics metrics = g.getFontMetrics();
    int x = width - MARGIN;
    for (int group = groups.size() - 1; group >= 0; group--) {
      x -= metrics.stringWidth(groups.get(group)) + 2 * DOT + 24;
      g.setColor(colour(group));
      g.fillOval(x, MARGIN - 30 - DOT, DOT + 3, DOT + 3);
      g.drawString(groups.get(group), x + DOT + 8, MARGIN - 30 + 3);
    }
  }

  private void drawPoints(Graphics2D g, int width, int height, int fontSize) {
    double minX = points.stream().mapToDouble(Point::x).min().orElseThrow();
    double maxX = points.stream().mapToDouble(Point::x).max().orElseThrow();
    double minY = points.stream().mapToDouble(Point::y).min().orElseThrow();
    double maxY = points.stream().mapToDouble(Point::y).max().orElseThrow();
    int inner = 30;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
    FontMetrics metrics = g.getFontMetrics();
    int[] xs = new int[points.size()];
    int[] ys = new int[points.size()];
    // Dots are placed first and count as taken space, so that no label covers a dot.
    List<Rectangle> taken = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      xs[i] = MARGIN + inner + (int) ((points.get(i).x() - minX) / Math.max(1e-12, maxX - minX)
          * (width - 2 * MARGIN - 2 * inner - 100));
      ys[i] = height - MARGIN - inner - (int) ((points.get(i).y() - minY) / Math.max(1e-12, maxY - minY)
          * (height - 2 * MARGIN - 2 * inner));
      taken.add(new Rectangle(xs[i] - DOT / 2, ys[i] - DOT / 2, DOT, DOT));
      g.setColor(colour(points.get(i).group()));
      g.fillOval(xs[i] - DOT / 2, ys[i] - DOT / 2, DOT, DOT);
    }
    for (int i = 0; i < points.size(); i++) {
      String word = points.get(i).word();
      Rectangle label = placeLabel(xs[i], ys[i], metrics.stringWidth(word), metrics.getHeight(), taken);
      taken.add(label);
      if (Math.abs(label.y + label.height / 2 - ys[i]) > label.height) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(xs[i], ys[i], label.x, label.y + label.height / 2);
      }
      g.setColor(groups.size() < 2 ? Color.BLACK : colour(points.get(i).group()).darker());
      g.drawString(word, label.x, label.y + metrics.getAscent());
    }
  }

  private static Color colour(int group) {
    return COLOURS[group % COLOURS.length];
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
}
