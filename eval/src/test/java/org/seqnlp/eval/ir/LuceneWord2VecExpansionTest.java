package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

class LuceneWord2VecExpansionTest {

  @Test
  void luceneFilterExpandsOverTheSameVectorsAtTheSameCosine() throws IOException {
    LuceneWord2VecExpansion lucene = LuceneWord2VecExpansion.of(TinyCollection.vectors());
    Analyzer analyzer = lucene.analyzer(new ExpansionSettings(2, 0.9f, 1));
    assertEquals(List.of("automobile/<ALPHANUM>/1", "car/SYNONYM/0", "truck/<ALPHANUM>/1"),
        tokens(analyzer, "Automobile truck"));
    Analyzer strict = lucene.analyzer(new ExpansionSettings(2, 0.999f, 1));
    assertEquals(List.of("automobile/<ALPHANUM>/1"), tokens(strict, "automobile"));
  }

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(SearchIndex.FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term + "/" + type.type() + "/" + increment.getPositionIncrement());
      }
      stream.end();
    }
    return tokens;
  }
}
