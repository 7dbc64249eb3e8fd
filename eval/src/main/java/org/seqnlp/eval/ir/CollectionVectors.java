package org.seqnlp.eval.ir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.seqnlp.io.TemporaryFiles;
import org.seqnlp.lucene.corpus.AnalysedText;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.lucene.corpus.StoredFieldCorpus;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.kernels.Vectorization;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecTrainer;

/**
 * Word vectors trained on a collection's own documents (Kuzi et al., CIKM 2016) as {@code train-vectors --index}
 * trains them from a search index: the documents are stored in a Lucene index, one stored field, and read back
 * through {@link StoredFieldCorpus}, with or without the analysis of the index ({@link TrainingText}).
 */
public final class CollectionVectors {

  /** What the vectors are trained on. */
  public enum TrainingText {
    /**
     * The documents split by {@link StandardEnglishAnalyzer}, the index's analysis, as {@code train-vectors --index
     * --standard-analysis} splits them: the words are the index terms but for numbers, dropped, and terms with
     * inner dots (u.s), split, so nearly every neighbour the vectors offer is a term the index can match.
     */
    ANALYSED,
    /** The documents' text as stored, as plain {@code train-vectors --index} reads it: stop words and all. */
    STORED
  }

  private CollectionVectors() {}

  /**
   * Trains word2vec on the documents as {@code trainingText} says, one document a sentence: {@code ensemble} times,
   * with seeds from the settings' on, as {@code train-vectors --ensemble} does.
   *
   * @param minCount words seen fewer times are left out of the vocabulary
   */
  public static WordVectors train(TestCollection collection, TrainingText trainingText, Word2VecSettings settings,
      int minCount, int ensemble) throws IOException {
    Path index = TemporaryFiles.createDirectory("seqnlp-" + collection.name().toLowerCase(Locale.ROOT));
    try (Analyzer analysis = trainingText == TrainingText.ANALYSED ? new StandardEnglishAnalyzer() : null) {
      writeStored(collection.documents(), index);
      try (StoredFieldCorpus corpus = StoredFieldCorpus.open(index, SearchIndex.FIELD, Tokenizer.lowercasing(),
          analysis)) {
        EncodedCorpus encoded = EncodedCorpus.encode(corpus, minCount, 0, Progress.silent("encoding", 0, "words"));
        return VectorEnsemble.train(ensemble, settings.seed(),
            seed -> new Word2VecTrainer(settings.withSeed(seed)).train(encoded, Progress::silent));
      }
    } finally {
      TemporaryFiles.delete(index);
    }
  }

  /**
   * An index of the documents' text in the one stored field {@link SearchIndex#FIELD}, as a search engine keeps
   * it; unmerged, so that its segments, and the documents, are read back in the order given.
   */
  private static void writeStored(List<CollectionDocument> documents, Path index) throws IOException {
    try (Directory files = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(files, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (CollectionDocument document : documents) {
        Document stored = new Document();
        stored.add(new StoredField(SearchIndex.FIELD, document.text()));
        writer.addDocument(stored);
      }
    }
  }

  /**
   * The file under {@code cacheDirectory} that holds the vectors {@link #train} makes of the collection
   * with these settings: named by collection and a digest of everything the training reads (the settings, the
   * analysed documents or the stored text, and the kernels that add the sums, whose SIMD width changes the
   * vectors), so that a file trained from other input is never read back. A change to the trainer's code is not
   * in the name: clear the cache after one.
   */
  public static Path cacheFile(Path cacheDirectory, TestCollection collection, TrainingText trainingText,
      Word2VecSettings settings, int minCount, int ensemble) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (Writer input = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
        StandardCharsets.UTF_8)) {
      input.append(settings.toString()).append(" minCount=").append(Integer.toString(minCount))
          .append(" ensemble=").append(Integer.toString(ensemble)).append(" kernels=")
          .append(Vectorization.describe()).append('\n');
      if (trainingText == TrainingText.STORED) {
        input.append("text=stored\n");
        for (CollectionDocument document : collection.documents()) {
          // each text's length first, so that where one document ends is part of what is digested
          input.append(Integer.toString(document.text().length())).append(':').append(document.text());
        }
      } else {
        // the analysed vectors' names predate the stored ones and stay as they were
        try (StandardEnglishAnalyzer analysis = new StandardEnglishAnalyzer()) {
          writeAnalysed(collection.documents(), analysis, input);
        }
      }
    }
    String hash = HexFormat.of().formatHex(digest.digest(), 0, 8);
    return cacheDirectory.resolve(collection.name().toLowerCase(Locale.ROOT) + "-" + hash + ".bin");
  }

  /**
   * The vectors in {@code cacheFile} if it exists, else {@link #train}ed and written there (word2vec
   * binary, which keeps every float exactly).
   */
  public static WordVectors trainOrRead(Path cacheFile, TestCollection collection, TrainingText trainingText,
      Word2VecSettings settings, int minCount, int ensemble) throws IOException {
    if (Files.isRegularFile(cacheFile)) {
      return VectorFiles.read(cacheFile, VectorFormat.WORD2VEC_BINARY);
    }
    WordVectors vectors = train(collection, trainingText, settings, minCount, ensemble);
    Files.createDirectories(cacheFile.toAbsolutePath().getParent());
    VectorFiles.write(vectors, cacheFile, VectorFormat.WORD2VEC_BINARY);
    return vectors;
  }

  /** The analysed documents' terms, one document a line. */
  private static void writeAnalysed(List<CollectionDocument> documents, Analyzer analysis, Writer out)
      throws IOException {
    for (CollectionDocument document : documents) {
      out.append(AnalysedText.of(analysis, SearchIndex.FIELD, document.text())).append('\n');
    }
  }
}
