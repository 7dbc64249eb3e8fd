package org.seqnlp.eval.ir;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An in-memory Lucene index of one collection, searched with BM25 at Lucene's defaults (k1 = 1.2,
 * b = 0.75). Title and text go into the single field {@link #FIELD}.
 */
public final class SearchIndex implements Closeable {

  public static final String FIELD = "text";
  private static final String ID_FIELD = "id";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final String[] idByDocument;
  private final long indexingNanos;

  private SearchIndex(Directory directory, long indexingNanos) throws IOException {
    this.directory = directory;
    this.indexingNanos = indexingNanos;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
    this.idByDocument = new String[reader.maxDoc()];
    for (int doc = 0; doc < idByDocument.length; doc++) {
      idByDocument[doc] = reader.storedFields().document(doc).get(ID_FIELD);
    }
  }

  /** Indexes {@code documents} in one segment-merged in-memory index, analysing text with {@code analyzer}. */
  public static SearchIndex build(List<CollectionDocument> documents, Analyzer analyzer) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    long start = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (CollectionDocument document : documents) {
        Document fields = new Document();
        fields.add(new StoredField(ID_FIELD, document.id()));
        fields.add(new TextField(FIELD, document.text(), Field.Store.NO));
        writer.addDocument(fields);
      }
      writer.forceMerge(1);
    }
    return new SearchIndex(directory, System.nanoTime() - start);
  }

  /** Collection ids of the top {@code depth} documents for {@code query}, best first (ties by index order). */
  public List<String> search(Query query, int depth) throws IOException {
    ScoreDoc[] hits = searcher.search(query, depth).scoreDocs;
    List<String> ranking = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      ranking.add(idByDocument[hit.doc]);
    }
    return ranking;
  }

  public int documentCount() {
    return idByDocument.length;
  }

  /** Wall-clock time {@link #build} took to analyse, index and merge. */
  public long indexingNanos() {
    return indexingNanos;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
