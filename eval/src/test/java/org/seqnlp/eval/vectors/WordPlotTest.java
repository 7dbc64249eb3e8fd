package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcaPlotTest {

  @TempDir
  Path directory;

  private final UnitVectors vectors = new UnitVectors(EvaluationFixtures.vectors());

  @Test
  void projectsKnownWordsAndWritesAPng() throws IOException {
    System.setProperty("java.awt.headless", "true");
    PcaPlot plot = PcaPlot.project(vectors, List.of("king", "queen", "man", "woman", "unknown", "apple"));
    assertEquals(List.of("king", "queen", "man", "woman", "apple"),
        plot.points().stream().map(PcaPlot.Point::word).toList());
    double[] explained = plot.explainedVariance();
    assertTrue(explained[0] >= explained[1] && explained[0] + explained[1] <= 1 + 1e-9);
    // Two-dimensional unit vectors: two axes explain everything.
    assertEquals(1.0, explained[0] + explained[1], 1e-9);
    Path png = directory.resolve("plot.png");
    plot.writePng(png, "fixture");
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() > 500 && image.getHeight() > 500);
  }

  @Test
  void needsThreeKnownWords() {
    assertThrows(IllegalArgumentException.class, () -> PcaPlot.project(vectors, List.of("king", "unknown")));
  }
}
