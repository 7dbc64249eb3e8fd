package org.seqnlp.eval.ir;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * An in-memory Lucene index of one collection, searched with BM25 at Lucene's defaults (k1 = 1.2,
 * b = 0.75). Title and text go into the single field {@link #FIELD}, with term vectors for relevance
 * feedback.
 */
public final class SearchIndex implements Closeable {

  public static final String FIELD = "text";
  private static final String ID_FIELD = "id";
  private static final FieldType TEXT_WITH_TERM_VECTORS = textWithTermVectors();

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
        fields.add(new Field(FIELD, document.text(), TEXT_WITH_TERM_VECTORS));
        writer.addDocument(fields);
      }
      writer.forceMerge(1);
    }
    return new SearchIndex(directory, System.nanoTime() - start);
  }

  private static FieldType textWithTermVectors() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setStoreTermVectors(true);
    type.freeze();
    return type;
  }

  /** Collection ids of the top {@code depth} documents for {@code query}, best first (ties by index order). */
  public List<String> search(Query query, int depth) throws IOException {
    ScoreDoc[] hits = top(query, depth);
    List<String> ranking = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      ranking.add(idByDocument[hit.doc]);
    }
    return ranking;
  }

  /** Index numbers and scores of the top {@code depth} documents for {@code query}, best first. */
  public ScoreDoc[] top(Query query, int depth) throws IOException {
    return searcher.search(query, depth).scoreDocs;
  }

  /** Each term of document {@code doc} (an index number) with its frequency there, in term order. */
  public Map<String, Integer> termFrequencies(int doc) throws IOException {
    Map<String, Integer> frequencies = new LinkedHashMap<>();
    Terms terms = reader.termVectors().get(doc, FIELD);
    if (terms != null) {
      TermsEnum iterator = terms.iterator();
      for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
        frequencies.put(term.utf8ToString(), (int) iterator.totalTermFreq());
      }
    }
    return frequencies;
  }

  /** Number of documents containing {@code term}. */
  public int documentFrequency(String term) throws IOException {
    return reader.docFreq(new Term(FIELD, term));
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
