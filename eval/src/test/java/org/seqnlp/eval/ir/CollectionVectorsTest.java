package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.eval.ir.CollectionVectors.TrainingText.ANALYSED;
import static org.seqnlp.eval.ir.CollectionVectors.TrainingText.STORED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecTrainer;

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
    WordVectors ensemble = CollectionVectors.train(collection, ANALYSED, RetrievalAnalyzer.baseline(), SETTINGS, 1, 2);
    WordVectors first = CollectionVectors.train(collection, ANALYSED, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1);
    WordVectors second = CollectionVectors.train(collection, ANALYSED, RetrievalAnalyzer.baseline(),
        SETTINGS.withSeed(8), 1, 1);
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
    Path name = CollectionVectors.cacheFile(directory, collection, ANALYSED, RetrievalAnalyzer.baseline(), SETTINGS, 1,
        1);
    assertTrue(name.getFileName().toString().matches("fixture-[0-9a-f]{16}\\.bin"), name.toString());
    assertEquals(name,
        CollectionVectors.cacheFile(directory, collection, ANALYSED, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED, RetrievalAnalyzer.baseline(),
        SETTINGS, 1, 3));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED, RetrievalAnalyzer.baseline(),
        SETTINGS, 2, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED, RetrievalAnalyzer.baseline(),
        SETTINGS.withSeed(8), 1, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED, new StandardAnalyzer(), SETTINGS,
        1, 1), "another analysis trains on other text");
    List<CollectionDocument> edited = new ArrayList<>(collection.documents());
    CollectionDocument first = edited.get(0);
    edited.set(0, new CollectionDocument(first.id(), first.text() + " more"));
    TestCollection changed = new TestCollection(collection.name(), edited, collection.topics(),
        collection.judgements());
    assertNotEquals(name, CollectionVectors.cacheFile(directory, changed, ANALYSED, RetrievalAnalyzer.baseline(),
        SETTINGS, 1, 1));
    Path stored = CollectionVectors.cacheFile(directory, collection, STORED, RetrievalAnalyzer.baseline(), SETTINGS,
        1, 1);
    assertNotEquals(name, stored, "the stored text is other text");
    assertNotEquals(stored, CollectionVectors.cacheFile(directory, changed, STORED, RetrievalAnalyzer.baseline(),
        SETTINGS, 1, 1));
  }

  @Test
  void theStoredTextIsEachDocumentAsOneSentenceAcrossItsLinesStopWordsKept(@TempDir Path directory)
      throws IOException {
    List<CollectionDocument> documents = new ArrayList<>();
    String[] texts = {"Heart attack and\ncardiac arrest", "the heart muscle\nand the cardiac valve",
        "library books and\nreading rooms"};
    for (int i = 0; i < 30; i++) {
      documents.add(new CollectionDocument("d" + i, texts[i % texts.length]));
    }
    TestCollection collection = new TestCollection("LINES", documents, List.of(), Judgements.builder().build());
    WordVectors stored = CollectionVectors.train(collection, STORED, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1);
    StringBuilder oneALine = new StringBuilder();
    for (CollectionDocument document : documents) {
      oneALine.append(document.text().replace('\n', ' ')).append('\n');
    }
    Path file = Files.writeString(directory.resolve("documents.txt"), oneALine);
    EncodedCorpus encoded = EncodedCorpus.encode(Corpus.of(List.of(file), Tokenizer.lowercasing()), 1, 0,
        Progress.silent("encoding", 0, "words"));
    WordVectors expected = new Word2VecTrainer(SETTINGS).train(encoded, Progress::silent);
    assertEquals(expected.size(), stored.size());
    for (int row = 0; row < expected.size(); row++) {
      assertEquals(expected.word(row), stored.word(row));
      for (int d = 0; d < expected.dimension(); d++) {
        assertEquals(expected.get(row, d), stored.get(row, d), "row " + row + ", dimension " + d);
      }
    }
    assertTrue(stored.contains("and"), "stop words are kept");
    assertFalse(CollectionVectors.train(collection, ANALYSED, RetrievalAnalyzer.baseline(), SETTINGS, 1, 1)
        .contains("and"), "the analysis removes stop words");
  }
}
