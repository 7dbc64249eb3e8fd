package org.seqnlp.lucene.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.vectors.corpus.Tokenizer;

class StoredFieldCorpusTest {

  @TempDir
  Path directory;

  /**
   * Three documents in two segments, the second deleted: "body" stored (multi-line, and twice in the last
   * document), "summary" indexed only, "year" a stored number.
   */
  private Path writeIndex(Path index) throws IOException {
    try (FSDirectory files = FSDirectory.open(index);
        // No merges: the segments, and so the documents, stay in the order they were written.
        IndexWriter writer = new IndexWriter(files,
            new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
      writer.addDocument(document("1", "The Red kite circles.\nIt doesn't land.", "birds"));
      writer.addDocument(document("2", "A deleted document.", "gone"));
      writer.commit();
      Document last = document("3", "Rivers flow\r\n\r\nto the sea", "water");
      last.add(new TextField("body", "second value", Field.Store.YES));
      writer.addDocument(last);
      writer.deleteDocuments(new Term("id", "2"));
      writer.commit();
    }
    return index;
  }

  private static Document document(String id, String body, String summary) {
    Document document = new Document();
    document.add(new StringField("id", id, Field.Store.YES));
    document.add(new TextField("body", body, Field.Store.YES));
    document.add(new TextField("summary", summary, Field.Store.NO));
    document.add(new StoredField("year", 1999));
    return document;
  }

  private static List<List<String>> sentences(StoredFieldCorpus corpus) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    corpus.forEachSentence(sentences::add);
    return sentences;
  }

  @Test
  void eachStoredValueOfLiveDocumentsIsOneSentenceAcrossItsLineBreaks() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(index, "body", Tokenizer.lowercasing(), null)) {
      List<List<String>> expected = List.of(List.of("the", "red", "kite", "circles", "it", "doesn't", "land"),
          List.of("rivers", "flow", "to", "the", "sea"), List.of("second", "value"));
      assertEquals(expected, sentences(corpus));
      assertEquals(expected, sentences(corpus), "a second pass reads the same sentences");
      assertEquals(2, corpus.documents());
    }
  }

  @Test
  void anAnalysisGivenSplitsEachValueIntoTheIndexTermsBeforeTheTokenizer() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (StandardEnglishAnalyzer analysis = new StandardEnglishAnalyzer();
        StoredFieldCorpus corpus = StoredFieldCorpus.open(index, "body", Tokenizer.lowercasing(), analysis)) {
      // stop words (the, it, to) are gone; "doesn't" is one term of StandardTokenizer's and one word of the tokenizer's
      assertEquals(List.of(List.of("red", "kite", "circles", "doesn't", "land"), List.of("rivers", "flow", "sea"),
          List.of("second", "value")), sentences(corpus));
    }
  }

  @Test
  void usesTheTokenizerGiven() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(index, "body", new Tokenizer(false), null)) {
      assertEquals(List.of("The", "Red", "kite", "circles", "It", "doesn't", "land"), sentences(corpus).get(0));
    }
  }

  @Test
  void aSolrDataDirectoryIsReadThroughItsIndexSubdirectory() throws IOException {
    Path index = writeIndex(directory.resolve("data/index"));
    Files.createDirectories(directory.resolve("data/tlog"));
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(directory.resolve("data"), "body", Tokenizer.lowercasing(),
        null)) {
      assertEquals(index, corpus.index());
      assertEquals(3, sentences(corpus).size());
    }
  }

  @Test
  void aMissingFieldIsNamedWithTheFieldsTheIndexHas() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    IOException error = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(index, "title", Tokenizer.lowercasing(), null));
    assertEquals(index + ": no field 'title' in the index; its fields: body, id, summary, year", error.getMessage());
  }

  @Test
  void aFieldWithoutStoredTextFailsWhenReadNamingTheRemedy() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(index, "summary", Tokenizer.lowercasing(), null)) {
      IOException error = assertThrows(IOException.class, () -> corpus.forEachSentence(words -> { }));
      assertTrue(error.getMessage().startsWith(index + ": field 'summary' has no stored text in any of the 2 "
          + "documents"), error.getMessage());
      assertTrue(error.getMessage().contains("stored=\"true\""), error.getMessage());
    }
  }

  @Test
  void aStoredFieldOfNumbersIsNotText() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(index, "year", Tokenizer.lowercasing(), null)) {
      IOException error = assertThrows(IOException.class, () -> corpus.forEachSentence(words -> { }));
      assertEquals(index + ": field 'year' has no text to train on: its stored values are numbers or bytes",
          error.getMessage());
    }
  }

  @Test
  void aDamagedSegmentFileFailsAtOpenNotWithWrongWords() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    Path largest;
    try (var files = Files.list(index)) {
      largest = files.max(Comparator.comparingLong(StoredFieldCorpusTest::size)).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= (byte) 0x55;
    Files.write(largest, bytes);
    IOException error = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(index, "body", Tokenizer.lowercasing(), null));
    assertTrue(error.getMessage().startsWith(index + ": cannot read the Lucene index: "), error.getMessage());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * After a full replication a Solr replica's live index is the directory index.properties names, and index/ may
   * still hold an older one.
   */
  @Test
  void aSolrDataDirectoryIsReadThroughTheIndexItsPropertiesName() throws IOException {
    Path data = directory.resolve("data");
    Path live = writeIndex(data.resolve("index.20261208010101123"));
    try (FSDirectory files = FSDirectory.open(data.resolve("index"));
        IndexWriter stale = new IndexWriter(files, new IndexWriterConfig(new StandardAnalyzer()))) {
      stale.addDocument(document("0", "stale", "old"));
    }
    Files.writeString(data.resolve(StoredFieldCorpus.SOLR_INDEX_PROPERTIES),
        "#index.properties\nindex=index.20261208010101123\n");
    try (StoredFieldCorpus corpus = StoredFieldCorpus.open(data, "body", Tokenizer.lowercasing(), null)) {
      assertEquals(live, corpus.index());
      assertEquals(3, sentences(corpus).size());
    }
    Files.writeString(data.resolve(StoredFieldCorpus.SOLR_INDEX_PROPERTIES), "index=../elsewhere\n");
    IOException outside = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(data, "body", Tokenizer.lowercasing(), null));
    assertEquals(data.resolve("index.properties") + ": index=../elsewhere names no directory beside it",
        outside.getMessage());
    // Solr would start an empty index there: index/, older, is not what it serves
    Files.writeString(data.resolve(StoredFieldCorpus.SOLR_INDEX_PROPERTIES), "index=index.gone\n");
    IOException gone = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(data, "body", Tokenizer.lowercasing(), null));
    assertEquals(data.resolve("index.properties") + ": index=index.gone names a directory that does not exist",
        gone.getMessage());
  }

  @Test
  void aDirectoryWithoutAnIndexIsNotALuceneIndex() throws IOException {
    Path empty = Files.createDirectories(directory.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "not an index");
    IOException error = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(empty, "body", Tokenizer.lowercasing(), null));
    assertTrue(error.getMessage().startsWith(empty + ": not a Lucene index (no segments_N file"), error.getMessage());
  }

  @Test
  void aMissingDirectoryOrAFileIsNamed() throws IOException {
    Path missing = directory.resolve("missing");
    NoSuchFileException notFound = assertThrows(NoSuchFileException.class,
        () -> StoredFieldCorpus.open(missing, "body", Tokenizer.lowercasing(), null));
    assertEquals(missing + ": no such index directory", notFound.getMessage());
    Path file = Files.writeString(directory.resolve("file.txt"), "text");
    IOException notDirectory = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(file, "body", Tokenizer.lowercasing(), null));
    assertEquals(file + ": is a file, not a Lucene index directory", notDirectory.getMessage());
  }

  @Test
  void aCorruptIndexIsReportedAsUnreadable() throws IOException {
    Path index = writeIndex(directory.resolve("index"));
    try (var files = Files.list(index)) {
      for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(segments, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    IOException error = assertThrows(IOException.class,
        () -> StoredFieldCorpus.open(index, "body", Tokenizer.lowercasing(), null));
    assertTrue(error.getMessage().startsWith(index + ": cannot read the Lucene index: "), error.getMessage());
  }
}
