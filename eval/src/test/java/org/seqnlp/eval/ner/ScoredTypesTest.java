package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class ScoredTypesTest {

  private static final Span[] WNUT = {new Span(0, 1, "person"), new Span(2, 3, "corporation"),
      new Span(4, 5, "group"), new Span(6, 7, "product")};

  @Test
  void labelledTypesAreRenamedAndUnscoredOnesLeave() {
    ScoredTypes types = ScoredTypes.parse("person, location,organization,corporation=organization,group=organization");
    assertArrayEquals(new Span[] {new Span(0, 1, "person"), new Span(2, 3, "organization"),
        new Span(4, 5, "organization")}, types.labelled(WNUT));
    assertEquals("person, location, organization", types.toString());
  }

  @Test
  void predictionsKeepTheirNamesAndLoseUnscoredTypes() {
    ScoredTypes types = ScoredTypes.parse("person,corporation=organization");
    Span[] predicted = {new Span(0, 1, "misc"), new Span(2, 3, "organization"), new Span(4, 5, "corporation")};
    assertArrayEquals(new Span[] {new Span(2, 3, "organization")}, types.predicted(predicted));
  }

  @Test
  void everyTypeIsScoredByDefault() {
    assertArrayEquals(WNUT, ScoredTypes.ALL.labelled(WNUT));
    assertArrayEquals(WNUT, ScoredTypes.ALL.predicted(WNUT));
    assertEquals("every type", ScoredTypes.ALL.toString());
  }

  @Test
  void aDataSetKeepsItsSentencesAndDocumentStarts() {
    NameSample sample = new NameSample("d1", new String[] {"Ann", "of", "Acme", "and", "Ajax", "or", "iPod", "."},
        WNUT, null, true);
    DataSet scored = new DataSet(Path.of("wnut.txt"), List.of(sample))
        .scoring(ScoredTypes.parse("person,corporation=organization"));
    NameSample only = scored.samples().get(0);
    assertArrayEquals(sample.getSentence(), only.getSentence());
    assertTrue(only.isClearAdaptiveDataSet());
    assertArrayEquals(new Span[] {new Span(0, 1, "person"), new Span(2, 3, "organization")}, only.getNames());
  }

  @Test
  void badListsNameTheEntry() {
    assertEquals("'' is not TYPE or LABEL=TYPE",
        assertThrows(IllegalArgumentException.class, () -> ScoredTypes.parse("person,,location")).getMessage());
    assertEquals("'a=b=c' is not TYPE or LABEL=TYPE",
        assertThrows(IllegalArgumentException.class, () -> ScoredTypes.parse("a=b=c")).getMessage());
    assertEquals("type group is renamed twice",
        assertThrows(IllegalArgumentException.class, () -> ScoredTypes.parse("group=org,group=misc")).getMessage());
  }
}
