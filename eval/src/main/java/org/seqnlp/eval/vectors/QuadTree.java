package org.seqnlp.eval.vectors;

/**
 * The Barnes-Hut tree of a two-dimensional t-SNE map: each cell knows how many points it holds and their
 * centre of mass, so that a group of points far enough away repels a point as one heavy point.
 */
final class QuadTree {

  /** Cells this small hold any number of points: points closer than this are one point to the tree. */
  private static final int MAX_DEPTH = 48;

  private final double centreX;
  private final double centreY;
  private final double halfWidth;
  private final int depth;
  private int count;
  private double massX;
  private double massY;
  /** The point of a leaf, or -1 for an empty cell or one divided into children. */
  private int point = -1;
  private QuadTree[] children;

  private QuadTree(double centreX, double centreY, double halfWidth, int depth) {
    this.centreX = centreX;
    this.centreY = centreY;
    this.halfWidth = halfWidth;
    this.depth = depth;
  }

  /** The tree of the points {@code (y[2i], y[2i + 1])}. */
  static QuadTree of(double[] y) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < y.length; i += 2) {
      minX = Math.min(minX, y[i]);
      maxX = Math.max(maxX, y[i]);
      minY = Math.min(minY, y[i + 1]);
      maxY = Math.max(maxY, y[i + 1]);
    }
    double half = Math.max(Math.max(maxX - minX, maxY - minY) / 2, 1e-12) * (1 + 1e-9);
    QuadTree root = new QuadTree((minX + maxX) / 2, (minY + maxY) / 2, half, 0);
    for (int i = 0; i < y.length / 2; i++) {
      root.insert(i, y);
    }
    return root;
  }

  private void insert(int index, double[] y) {
    double x = y[2 * index];
    double z = y[2 * index + 1];
    count++;
    massX += (x - massX) / count;
    massY += (z - massY) / count;
    if (count == 1) {
      point = index;
      return;
    }
    if (depth == MAX_DEPTH) {
      return;
    }
    if (children == null) {
      children = new QuadTree[4];
      double quarter = halfWidth / 2;
      for (int c = 0; c < 4; c++) {
        children[c] = new QuadTree(centreX + ((c & 1) == 0 ? -quarter : quarter),
            centreY + ((c & 2) == 0 ? -quarter : quarter), quarter, depth + 1);
      }
      children[quadrant(y[2 * point], y[2 * point + 1])].insert(point, y);
      point = -1;
    }
    children[quadrant(x, z)].insert(index, y);
  }

  private int quadrant(double x, double y) {
    return (x < centreX ? 0 : 1) | (y < centreY ? 0 : 2);
  }

  /**
   * Adds the repulsion of every other point on point {@code index} at ({@code x}, {@code y}), each force
   * weighted by q~^2, to {@code force[2 index..]}, and returns the sum of q~ = 1 / (1 + d^2) over those
   * points. A cell whose width is below {@code theta} times its distance counts as its centre of mass.
   */
  double repulsion(int index, double x, double y, double theta, double[] force) {
    if (count == 0 || (count == 1 && point == index)) {
      return 0;
    }
    double dx = x - massX;
    double dy = y - massY;
    double squared = dx * dx + dy * dy;
    if (children == null || 2 * halfWidth < theta * Math.sqrt(squared)) {
      double q = 1 / (1 + squared);
      // A leaf holding the point itself among others counts the others only.
      int others = point == index ? count - 1 : count;
      double weight = others * q * q;
      force[2 * index] += weight * dx;
      force[2 * index + 1] += weight * dy;
      return others * q;
    }
    double sum = 0;
    for (QuadTree child : children) {
      sum += child.repulsion(index, x, y, theta, force);
    }
    return sum;
  }
}
