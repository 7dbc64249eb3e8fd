package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class CorpusCountsTest {

  @Test
  void countsSentencesTokensDocumentsAndEntitiesPerType() {
    CorpusCounts counts = new CorpusCounts();
    counts.add(new NameSample(new String[] {"Ada", "met", "Charles", "Babbage"},
        new Span[] {new Span(0, 1, "person"), new Span(2, 4, "person")}, true));
    counts.add(new NameSample(new String[] {"in", "London"}, new Span[] {new Span(1, 2, "location")}, false));
    counts.addSentence(3);
    counts.addDocuments(2);
    assertEquals(9, counts.tokens());
    assertEquals(3, counts.sentences());
    assertEquals(2, counts.documents());
    assertEquals(3, counts.entities());
    assertEquals(Map.of("location", 1L, "person", 2L), counts.entitiesByType());
  }
}
