package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example on the shipped English model, which also checks that the shipped model works. */
class FindNamesExampleTest {

  private static final Path SHIPPED_MODEL = Path.of("../models/ner/en-ner.bin");

  @Test
  void findsThePeoplePlacesAndOrganisationsOfASentence() throws IOException {
    List<String> lines = FindNamesExample.findNames(SHIPPED_MODEL,
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the European Union budget.");
    assertEquals(List.of(
        "person\tAngela Merkel", "person\tEmmanuel Macron", "location\tParis", "organization\tEuropean Union"),
        lines.stream().map(line -> line.substring(0, line.lastIndexOf('\t'))).toList());
    for (String line : lines) {
      double probability = Double.parseDouble(line.substring(line.lastIndexOf('\t') + 1));
      assertTrue(probability > 0.5 && probability <= 1, line);
    }
  }

  @Test
  void aSentenceWithoutNamesGivesNoLines() throws IOException {
    assertEquals(List.of(), FindNamesExample.findNames(SHIPPED_MODEL, "it was raining all day."));
  }
}
