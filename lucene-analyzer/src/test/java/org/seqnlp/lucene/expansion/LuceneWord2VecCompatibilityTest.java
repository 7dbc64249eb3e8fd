package org.seqnlp.lucene.expansion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.word2vec.Dl4jModelReader;
import org.apache.lucene.analysis.synonym.word2vec.Word2VecModel;
import org.apache.lucene.analysis.synonym.word2vec.Word2VecSynonymFilterFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFormat;

/** Lucene's own Word2VecSynonymFilter reads the model zip our DL4J_ZIP writer produces. */
class LuceneWord2VecCompatibilityTest {

  private static byte[] modelZip(WordVectors vectors) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorFormat.DL4J_ZIP.write(vectors, out);
    return out.toByteArray();
  }

  @Test
  void luceneReaderLoadsEveryWordWithItsNormalisedVector() throws IOException {
    WordVectors vectors = ExpansionFixtures.vehicles();
    Word2VecModel model;
    try (Dl4jModelReader reader = new Dl4jModelReader(new ByteArrayInputStream(modelZip(vectors)))) {
      model = reader.read();
    }
    assertEquals(vectors.size(), model.size());
    assertEquals(3, model.dimension());
    assertArrayEquals(new float[] {0, 0, 1}, model.vectorValue(new BytesRef("banana")), 1e-6f);
    assertArrayEquals(vectors.vector(vectors.indexOf("vehicle")), model.vectorValue(new BytesRef("vehicle")),
        1e-6f);
  }

  @Test
  void luceneFilterFindsTheSameNeighboursButLeavesThemUnweighted() throws IOException {
    Map<String, String> args = new HashMap<>();
    // Lucene caches providers by model name for the JVM's life: a unique name keeps this test independent.
    String modelName = "compatibility-" + System.nanoTime() + ".zip";
    args.put("model", modelName);
    args.put("maxSynonymsPerTerm", "3");
    args.put("minAcceptedSimilarity", "0.85");
    Word2VecSynonymFilterFactory factory = new Word2VecSynonymFilterFactory(args);
    factory.inform(new MapResourceLoader().with(modelName, modelZip(ExpansionFixtures.vehicles())));

    List<String> tokens = new ArrayList<>();
    WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(new StringReader("car"));
    try (TokenStream stream = factory.create(tokenizer)) {
      CharTermAttribute termAtt = stream.addAttribute(CharTermAttribute.class);
      BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(termAtt + "/" + Math.round(boostAtt.getBoost() * 1000) / 1000f);
      }
      stream.end();
    }
    // Lucene 9.12 thresholds on (1 + cos) / 2, so 0.85 admits cosines from 0.7 as minSimilarity 0.7 does
    // here; its filter sets no BoostAttribute (later Lucene versions do), so its synonyms weigh as much
    // as the term itself.
    assertEquals(List.of("car/1.0", "automobile/1.0", "vehicle/1.0"), tokens);
    List<String> ours = new NearestNeighbours(ExpansionFixtures.vehicles()).nearest("car", 3, 0.7f).stream()
        .map(n -> n.word() + "/" + Math.round(n.similarity() * 1000) / 1000f).toList();
    assertEquals(List.of("automobile/0.95", "vehicle/0.8"), ours);
  }
}
