package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpansionSettingsTest {

  @Test
  void convertsCosineToLuceneScale() {
    assertEquals(0.8f, new ExpansionSettings(5, 0.6f).luceneMinAcceptedSimilarity(), 1e-6);
    assertEquals(0.9f, new ExpansionSettings(2, 0.8f).luceneMinAcceptedSimilarity(), 1e-6);
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(0, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, 1f));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, Float.NaN));
  }

  @Test
  void printsCompactly() {
    assertEquals("k=2, cos>=0.75", new ExpansionSettings(2, 0.75f).toString());
  }
}
