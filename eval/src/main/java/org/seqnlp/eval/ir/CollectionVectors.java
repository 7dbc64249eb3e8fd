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
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.kernels.Vectorization;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecTrainer;

/**
 * Word vectors trained on a collection's own documents (Kuzi et al., CIKM 2016): the words are the
 * index terms, because the text is first run through the retrieval analysis, so every neighbour the
 * vectors offer is a term the index can match.
 */
public final class CollectionVectors {

  private CollectionVectors() {}

  /**
   * Trains word2vec on the analysed documents, one document a sentence: {@code ensemble} times, with
   * seeds from the settings' on, as {@code train-vectors --ensemble} does.
   *
   * @param minCount words seen fewer times are left out of the vocabulary
   */
  public static WordVectors train(TestCollection collection, Analyzer analysis, Word2VecSettings settings,
      int minCount, int ensemble) throws IOException {
    Path corpusFile = Files.createTempFile("seqnlp-" + collection.name().toLowerCase(Locale.ROOT), ".txt");
    try {
      try (Writer out = Files.newBufferedWriter(corpusFile, StandardCharsets.UTF_8)) {
        writeAnalysed(collection.documents(), analysis, out);
      }
      Corpus corpus = Corpus.of(List.of(corpusFile), Tokenizer.lowercasing());
      EncodedCorpus encoded = EncodedCorpus.encode(corpus, minCount, 0, Progress.silent("encoding", 0, "words"));
      return VectorEnsemble.train(ensemble, settings.seed(),
          seed -> new Word2VecTrainer(settings.withSeed(seed)).train(encoded, Progress::silent));
    } finally {
      Files.deleteIfExists(corpusFile);
    }
  }

  /**
   * The file under {@code cacheDirectory} that holds the vectors {@link #train} makes of the collection
   * with these settings: named by collection and a digest of everything the training reads (the settings, the
   * analysed documents and the kernels that add the sums, whose SIMD width changes the vectors), so that a
   * file trained from other input is never read back. A change to the trainer's code is not in the name: clear
   * the cache after one.
   */
  public static Path cacheFile(Path cacheDirectory, TestCollection collection, Analyzer analysis,
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
      writeAnalysed(collection.documents(), analysis, input);
    }
    String hash = HexFormat.of().formatHex(digest.digest(), 0, 8);
    return cacheDirectory.resolve(collection.name().toLowerCase(Locale.ROOT) + "-" + hash + ".bin");
  }

  /**
   * The vectors in {@code cacheFile} if it exists, else {@link #train}ed and written there (word2vec
   * binary, which keeps every float exactly).
   */
  public static WordVectors trainOrRead(Path cacheFile, TestCollection collection, Analyzer analysis,
      Word2VecSettings settings, int minCount, int ensemble) throws IOException {
    if (Files.isRegularFile(cacheFile)) {
      return VectorFiles.read(cacheFile, VectorFormat.WORD2VEC_BINARY);
    }
    WordVectors vectors = train(collection, analysis, settings, minCount, ensemble);
    Files.createDirectories(cacheFile.toAbsolutePath().getParent());
    VectorFiles.write(vectors, cacheFile, VectorFormat.WORD2VEC_BINARY);
    return vectors;
  }

  /** The analysed documents, one a line, as the training reads them. */
  private static void writeAnalysed(List<CollectionDocument> documents, Analyzer analysis, Writer out)
      throws IOException {
    for (CollectionDocument document : documents) {
      try (TokenStream tokens = analysis.tokenStream(SearchIndex.FIELD, document.text())) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        tokens.reset();
        while (tokens.incrementToken()) {
          out.append(term).append(' ');
        }
        tokens.end();
      }
      out.append('\n');
    }
  }
}
