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
    assertFinds(SHIPPED_MODEL,
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the European Union budget.",
        "person\tAngela Merkel", "person\tEmmanuel Macron", "location\tParis", "organization\tEuropean Union");
  }

  @Test
  void theShippedSpanishAndDutchModelsWorkTheSameWay() throws IOException {
    assertFinds(Path.of("../models/ner/es-ner.bin"),
        "El presidente del Gobierno, José María Aznar, viajó a Barcelona para reunirse con la Generalitat.",
        "organization\tGobierno", "person\tJosé María Aznar", "location\tBarcelona",
        "organization\tGeneralitat");
    assertFinds(Path.of("../models/ner/nl-ner.bin"),
        "Minister Wim Kok sprak dinsdag in Amsterdam met de voorzitter van de Europese Commissie.",
        "person\tWim Kok", "location\tAmsterdam", "organization\tEuropese Commissie");
  }

  @Test
  void aSentenceWithoutNamesGivesNoLines() throws IOException {
    assertEquals(List.of(), FindNamesExample.findNames(SHIPPED_MODEL, "it was raining all day."));
  }

  private static void assertFinds(Path model, String sentence, String... typesAndNames) throws IOException {
    List<String> lines = FindNamesExample.findNames(model, sentence);
    assertEquals(List.of(typesAndNames),
        lines.stream().map(line -> line.substring(0, line.lastIndexOf('\t'))).toList());
    for (String line : lines) {
      double probability = Double.parseDouble(line.substring(line.lastIndexOf('\t') + 1));
      assertTrue(probability > 0.5 && probability <= 1, line);
    }
  }
}
