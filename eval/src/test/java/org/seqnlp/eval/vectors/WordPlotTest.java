package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

class WordPlotTest {

  @TempDir
  Path directory;

  private final UnitVectors vectors = new UnitVectors(EvaluationFixtures.vectors());

  @Test
  void projectsKnownWordsOnThePrincipalAxesAndWritesAPng() throws IOException {
    System.setProperty("java.awt.headless", "true");
    PlotWords words = PlotWords.of(List.of("king", "queen", "man", "woman", "unknown", "apple", "King"));
    PlotWords.Known known = words.known(vectors);
    assertEquals(List.of("king", "queen", "man", "woman", "apple"), known.words());
    PcaProjection pca = PcaProjection.of(known.vectors());
    double[] explained = pca.explainedVariance();
    assertTrue(explained[0] >= explained[1]);
    // Two-dimensional unit vectors: two axes explain everything.
    assertEquals(1.0, explained[0] + explained[1], 1e-9);
    WordPlot plot = WordPlot.of(known, pca.coordinates(), words.groups(), pca.caption());
    assertEquals(List.of("king", "queen", "man", "woman", "apple"),
        plot.points().stream().map(WordPlot.Point::word).toList());
    Path png = directory.resolve("plot.png");
    plot.writePng(png, "fixture");
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() > 500 && image.getHeight() > 500);
  }

  @Test
  void groupsAreReadFromAFileAndColourTheirWords() throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path file = Files.writeString(directory.resolve("groups.txt"),
        "# royals and others\nroyal: king queen\n\nplain: man woman king\nfruit:apple\n");
    PlotWords words = PlotWords.read(file);
    assertEquals(List.of("royal", "plain", "fruit"), words.groups());
    assertEquals(List.of("king", "queen", "man", "woman", "apple"), words.words());
    assertEquals(List.of(0, 0, 1, 1, 2), words.groupOfWord(), "a word listed twice stays in its first group");
    PlotWords.Known known = words.known(vectors);
    WordPlot plot = WordPlot.of(known, PcaProjection.of(known.vectors()).coordinates(), words.groups(), "c");
    Path png = directory.resolve("groups.png");
    plot.writePng(png, "groups");
    BufferedImage image = ImageIO.read(png.toFile());
    // The legend's first entry is drawn in the first group's colour somewhere along the top margin.
    boolean legend = false;
    for (int x = 0; x < image.getWidth() && !legend; x++) {
      for (int y = 20; y < 60 && !legend; y++) {
        legend = image.getRGB(x, y) == new java.awt.Color(31, 119, 180).getRGB();
      }
    }
    assertTrue(legend, "legend in the first group's colour");
  }

  @Test
  void aGroupLineWithoutANameIsAnErrorNamingTheLine() throws IOException {
    Path file = Files.writeString(directory.resolve("groups.txt"), "royal: king\nqueen\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> PlotWords.read(file));
    assertEquals(file + ":2: expected 'group name: word word ...'", e.getMessage());
  }

  @Test
  void aGroupsFileOfFewerThanThreeWordsIsAnErrorWhenRead() throws IOException {
    Path empty = Files.writeString(directory.resolve("empty.txt"), "# nothing yet\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> PlotWords.read(empty));
    assertEquals(empty + ":1: 0 words to plot; a plot needs at least 3", e.getMessage());
  }

  @Test
  void needsThreeKnownWords() {
    assertThrows(IllegalArgumentException.class, () -> PlotWords.of(List.of("king", "unknown")).known(vectors));
  }
}
