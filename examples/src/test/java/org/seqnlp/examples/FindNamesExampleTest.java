package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;

/** Runs the example on the shipped models, which also checks that the shipped models work. */
class FindNamesExampleTest {

  private static final Path SHIPPED_MODEL = Path.of("../models/ner/en-ner.bin");

  @Test
  void findsThePeoplePlacesAndOrganisationsOfPlainText() throws IOException {
    assertFinds(SHIPPED_MODEL,
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the European Union budget.",
        "person\tAngela Merkel", "person\tEmmanuel Macron", "location\tParis", "organization\tEuropean Union");
  }

  @Test
  void splitsSentencesAndTokensAsTheNameFinderWasTrained() throws IOException {
    String text = "Dr. Smith went to Washington. He met Apple's chief Tim Cook.";
    List<DocumentNameFinder.Name> names = FindNamesExample.findNames(SHIPPED_MODEL, text);
    assertFinds(SHIPPED_MODEL, text, "person\tSmith", "location\tWashington", "person\tApple",
        "person\tTim Cook");
    for (DocumentNameFinder.Name name : names) {
      assertEquals(name.text(), text.substring(name.start(), name.end()));
    }
    assertEquals(37, names.get(2).start());
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
  void textWithoutNamesGivesNone() throws IOException {
    assertEquals(List.of(), FindNamesExample.findNames(SHIPPED_MODEL, "it was raining all day. we stayed in."));
  }

  private static void assertFinds(Path model, String text, String... typesAndNames) throws IOException {
    List<DocumentNameFinder.Name> names = FindNamesExample.findNames(model, text);
    assertEquals(List.of(typesAndNames), names.stream().map(name -> name.type() + "\t" + name.text()).toList());
    for (DocumentNameFinder.Name name : names) {
      assertTrue(name.probability() > 0.5 && name.probability() <= 1, name.toString());
    }
  }
}
