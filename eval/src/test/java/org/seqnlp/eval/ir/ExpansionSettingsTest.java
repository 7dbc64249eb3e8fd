package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;

class ExpansionSettingsTest {

  @Test
  void convertsCosineToLuceneScale() {
    assertEquals(0.8f, ExpansionSettings.LUCENE_DEFAULTS.luceneMinAcceptedSimilarity(), 1e-6);
    assertEquals(0.9f, new ExpansionSettings(2, 0.8f, 0.5f).luceneMinAcceptedSimilarity(), 1e-6);
  }

  @Test
  void factoryDefaultsAreTheFactorysConstants() {
    ExpansionSettings defaults = ExpansionSettings.FACTORY_DEFAULTS;
    assertEquals(SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS, defaults.maxExpansions());
    assertEquals(SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY, defaults.minCosine());
    assertEquals(SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT, defaults.expansionWeight());
  }

  @Test
  void rejectsWhatTheFilterRejects() {
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(0, 0.5f, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, 1.5f, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, Float.NaN, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, 0.5f, 0));
    assertThrows(IllegalArgumentException.class, () -> new ExpansionSettings(2, 0.5f, 1.5f));
  }

  @Test
  void printsCompactly() {
    assertEquals("k=2, cos>=0.75, w=0.30", new ExpansionSettings(2, 0.75f, 0.3f).toString());
  }
}
