package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.train.Word2VecSettings;

class CollectionVectorsTest {

  private static final Word2VecSettings SETTINGS = new Word2VecSettings(Word2VecSettings.Architecture.SKIP_GRAM, 4,
      2, 2, 0, 2, 0.025, 1, 7);

  private static TestCollection collection() {
    List<CollectionDocument> documents = new ArrayList<>();
    String[] texts = {"heart attack and cardiac arrest", "the heart muscle and the cardiac valve",
        "library books and reading rooms", "public library books for children reading"};
    for (int i = 0; i < 20; i++) {
      documents.add(new CollectionDocument("d" + i, texts[i % texts.length]));
    }
    return new TestCollection("FIXTURE", documents, List.of(), Judgements.builder().build());
  }

  @Test
  void anEnsembleIsItsMembersTrainedWithConsecutiveSeeds() throws IOException {
    TestCollection collection = collection();
    WordVectors ensemble = CollectionVectors.train(collection, RetrievalAnalyzer.baseline(), SETTINGS, 1, 2);
    WordVectors first = CollectionVectors.train(collection, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1);
    WordVectors second = CollectionVectors.train(collection, RetrievalAnalyzer.baseline(), SETTINGS.withSeed(8), 1, 1);
    WordVectors expected = VectorEnsemble.train(2, 7, seed -> seed == 7 ? first : second);
    assertEquals(8, ensemble.dimension());
    for (int row = 0; row < expected.size(); row++) {
      assertEquals(expected.word(row), ensemble.word(row));
      for (int d = 0; d < 8; d++) {
        assertEquals(expected.get(row, d), ensemble.get(row, d), "row " + row + ", dimension " + d);
      }
    }
  }

  @Test
  void theCacheNameChangesWithEverythingTheTrainingReads() throws IOException {
    Path directory = Path.of("cache");
    TestCollection collection = collection();
    Path name = CollectionVectors.cacheFile(directory, collection, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1);
    assertTrue(name.getFileName().toString().matches("fixture-[0-9a-f]{16}\\.bin"), name.toString());
    assertEquals(name,
        CollectionVectors.cacheFile(directory, collection, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, RetrievalAnalyzer.baseline(), SETTINGS, 1,
        3));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, RetrievalAnalyzer.baseline(), SETTINGS, 2,
        1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, RetrievalAnalyzer.baseline(),
        SETTINGS.withSeed(8), 1, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, new StandardAnalyzer(), SETTINGS, 1, 1),
        "another analysis trains on other text");
    List<CollectionDocument> edited = new ArrayList<>(collection.documents());
    CollectionDocument first = edited.get(0);
    edited.set(0, new CollectionDocument(first.id(), first.text() + " more"));
    TestCollection changed = new TestCollection(collection.name(), edited, collection.topics(),
        collection.judgements());
    assertNotEquals(name, CollectionVectors.cacheFile(directory, changed, RetrievalAnalyzer.baseline(), SETTINGS, 1,
        1));
  }
}
