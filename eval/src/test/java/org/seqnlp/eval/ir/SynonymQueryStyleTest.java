package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;

class SynonymQueryStyleTest {

  @Test
  void eachStyleBuildsWhatSolrBuildsForIt() {
    SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(TinyCollection.vectors()));
    try (Analyzer analyzer = ours.analyzer(new ExpansionSettings(1, 0.9f, 0.5f))) {
      assertEquals("Synonym(text:automobile text:car^0.5)",
          SynonymQueryStyle.AS_SAME_TERM.builder(analyzer).createBooleanQuery(SearchIndex.FIELD, "automobile")
              .toString());
      assertEquals("text:automobile (text:car)^0.5",
          SynonymQueryStyle.AS_DISTINCT_TERMS.builder(analyzer).createBooleanQuery(SearchIndex.FIELD, "automobile")
              .toString());
    }
  }

  @Test
  void isNamedByItsSolrAttributeValue() {
    for (SynonymQueryStyle style : SynonymQueryStyle.values()) {
      assertEquals(style, SynonymQueryStyle.forAttribute(style.toString()));
    }
    assertThrows(IllegalArgumentException.class, () -> SynonymQueryStyle.forAttribute("pick_best"));
  }
}
