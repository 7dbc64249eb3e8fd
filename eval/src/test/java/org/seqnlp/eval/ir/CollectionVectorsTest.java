package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.eval.ir.CollectionVectors.TrainingText.ANALYSED;
import static org.seqnlp.eval.ir.CollectionVectors.TrainingText.STORED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.lucene.corpus.AnalysedText;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.kernels.Vectorization;
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
    WordVectors ensemble = CollectionVectors.train(collection, ANALYSED, SETTINGS, 1, 2);
    WordVectors first = CollectionVectors.train(collection, ANALYSED, SETTINGS, 1, 1);
    WordVectors second = CollectionVectors.train(collection, ANALYSED, SETTINGS.withSeed(8), 1, 1);
    assertEquals(8, ensemble.dimension());
    assertSameVectors(VectorEnsemble.train(2, 7, seed -> seed == 7 ? first : second), ensemble);
  }

  @Test
  void theCacheNameChangesWithEverythingTheTrainingReads() throws IOException {
    Path directory = Path.of("cache");
    TestCollection collection = collection();
    Path name = CollectionVectors.cacheFile(directory, collection, ANALYSED, SETTINGS, 1, 1);
    assertTrue(name.getFileName().toString().matches("fixture-[0-9a-f]{16}\\.bin"), name.toString());
    assertEquals(name,
        CollectionVectors.cacheFile(directory, collection, ANALYSED, SETTINGS, 1, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED,
        SETTINGS, 1, 3));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED,
        SETTINGS, 2, 1));
    assertNotEquals(name, CollectionVectors.cacheFile(directory, collection, ANALYSED,
        SETTINGS.withSeed(8), 1, 1));
    List<CollectionDocument> edited = new ArrayList<>(collection.documents());
    CollectionDocument first = edited.get(0);
    edited.set(0, new CollectionDocument(first.id(), first.text() + " more"));
    TestCollection changed = new TestCollection(collection.name(), edited, collection.topics(),
        collection.judgements());
    assertNotEquals(name, CollectionVectors.cacheFile(directory, changed, ANALYSED,
        SETTINGS, 1, 1));
    Path stored = CollectionVectors.cacheFile(directory, collection, STORED, SETTINGS,
        1, 1);
    assertNotEquals(name, stored, "the stored text is other text");
    assertNotEquals(stored, CollectionVectors.cacheFile(directory, changed, STORED,
        SETTINGS, 1, 1));
  }

  /**
   * Files cached by earlier runs stay names of the same vectors: the layout of what analysed vectors' names digest
   * is fixed here (the terms themselves are the retrieval analysis's).
   */
  @Test
  void theCacheNameOfAnalysedVectorsDigestsTheSettingsAndTheAnalysedTerms() throws Exception {
    TestCollection collection = collection();
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    StringBuilder input = new StringBuilder(SETTINGS + " minCount=3 ensemble=2 kernels=" + Vectorization.describe()
        + "\n");
    for (CollectionDocument document : collection.documents()) {
      input.append(AnalysedText.of(new StandardEnglishAnalyzer(), SearchIndex.FIELD, document.text())).append('\n');
    }
    String hash = HexFormat.of().formatHex(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
    assertEquals(Path.of("cache", "fixture-" + hash + ".bin"),
        CollectionVectors.cacheFile(Path.of("cache"), collection, ANALYSED, SETTINGS, 3, 2));
  }

  @Test
  void theCacheNameOfStoredVectorsKnowsWhereEachDocumentEnds() throws IOException {
    TestCollection split = new TestCollection("SPLIT", List.of(new CollectionDocument("1", "ab"),
        new CollectionDocument("2", "c")), List.of(), Judgements.builder().build());
    TestCollection splitElsewhere = new TestCollection("SPLIT", List.of(new CollectionDocument("1", "a"),
        new CollectionDocument("2", "bc")), List.of(), Judgements.builder().build());
    assertNotEquals(CollectionVectors.cacheFile(Path.of("cache"), split, STORED, SETTINGS, 1, 1),
        CollectionVectors.cacheFile(Path.of("cache"), splitElsewhere, STORED, SETTINGS, 1, 1));
  }

  @Test
  void theTemporaryIndexIsDeleted() throws IOException {
    List<Path> before = temporaryIndexes();
    CollectionVectors.train(linesCollection(), STORED, SETTINGS, 1, 1);
    assertEquals(before, temporaryIndexes());
  }

  private static List<Path> temporaryIndexes() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(path -> path.getFileName().toString().startsWith("seqnlp-lines")).sorted().toList();
    }
  }

  /** Documents of several lines, with stop words, a hyphenated word and a number. */
  private static TestCollection linesCollection() {
    List<CollectionDocument> documents = new ArrayList<>();
    String[] texts = {"Heart attack and\ncardiac arrest in 1987", "the heart muscle\nand the cardiac valve",
        "library books and\nreading-rooms"};
    for (int i = 0; i < 30; i++) {
      documents.add(new CollectionDocument("d" + i, texts[i % texts.length]));
    }
    return new TestCollection("LINES", documents, List.of(), Judgements.builder().build());
  }

  /** One training of SETTINGS on {@code lines}, a corpus file, as train-vectors trains on files. */
  private static WordVectors trainedOnFile(Path directory, CharSequence lines) throws IOException {
    Path file = Files.writeString(directory.resolve("documents.txt"), lines);
    EncodedCorpus encoded = EncodedCorpus.encode(Corpus.of(List.of(file), Tokenizer.lowercasing()), 1, 0,
        Progress.silent("encoding", 0, "words"));
    return new Word2VecTrainer(SETTINGS).train(encoded, Progress::silent);
  }

  private static void assertSameVectors(WordVectors expected, WordVectors actual) {
    assertEquals(expected.size(), actual.size());
    for (int row = 0; row < expected.size(); row++) {
      assertEquals(expected.word(row), actual.word(row));
      for (int d = 0; d < expected.dimension(); d++) {
        assertEquals(expected.get(row, d), actual.get(row, d), "row " + row + ", dimension " + d);
      }
    }
  }

  @Test
  void theStoredTextIsEachDocumentAsOneSentenceAcrossItsLinesStopWordsKept(@TempDir Path directory)
      throws IOException {
    TestCollection collection = linesCollection();
    StringBuilder oneALine = new StringBuilder();
    for (CollectionDocument document : collection.documents()) {
      oneALine.append(document.text().replace('\n', ' ')).append('\n');
    }
    WordVectors stored = CollectionVectors.train(collection, STORED, SETTINGS, 1, 1);
    assertSameVectors(trainedOnFile(directory, oneALine), stored);
    assertTrue(stored.contains("and") && stored.contains("reading-rooms"), "stop words kept, hyphenated words whole");
  }

  /** Written to a file, a document's analysed terms a line, as eval-ir trained before it read an index. */
  @Test
  void theAnalysedTextIsEachDocumentsTermsOfTheRetrievalAnalysis(@TempDir Path directory) throws IOException {
    TestCollection collection = linesCollection();
    StringBuilder terms = new StringBuilder();
    for (CollectionDocument document : collection.documents()) {
      terms.append(AnalysedText.of(new StandardEnglishAnalyzer(), SearchIndex.FIELD, document.text())).append('\n');
    }
    WordVectors analysed = CollectionVectors.train(collection, ANALYSED, SETTINGS, 1, 1);
    assertSameVectors(trainedOnFile(directory, terms), analysed);
    assertFalse(analysed.contains("and"), "the analysis removes stop words");
    assertTrue(analysed.contains("reading") && !analysed.contains("1987"), "and splits at hyphens; numbers dropped");
  }
}
