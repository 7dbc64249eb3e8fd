package org.seqnlp.eval.ir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.word2vec.Dl4jModelReader;
import org.apache.lucene.analysis.synonym.word2vec.Word2VecSynonymFilter;
import org.apache.lucene.analysis.synonym.word2vec.Word2VecSynonymProvider;
import org.seqnlp.io.InputFiles;
import org.seqnlp.io.TemporaryFiles;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

/**
 * Lucene's own {@link Word2VecSynonymFilter} over a model in its DL4J zip format: the comparison point.
 * Loading builds Lucene's HNSW graph of the whole vocabulary once; {@link #loadNanos()} is that cost.
 */
public final class LuceneWord2VecExpansion implements ExpansionMethod {

  /** Name in report tables. */
  public static final String NAME = "lucene-w2v";

  private final Word2VecSynonymProvider provider;
  private final long loadNanos;

  private LuceneWord2VecExpansion(Word2VecSynonymProvider provider, long loadNanos) {
    this.provider = provider;
    this.loadNanos = loadNanos;
  }

  /**
   * Writes {@code vectors} in the DL4J zip format to a temporary file and loads it as Lucene would:
   * the same vectors our filter uses.
   */
  public static LuceneWord2VecExpansion of(WordVectors vectors) throws IOException {
    Path directory = TemporaryFiles.createDirectory("seqnlp-lucene-w2v");
    try {
      Path zip = directory.resolve("vectors.zip");
      VectorFiles.write(vectors, zip, VectorFormat.DL4J_ZIP);
      return load(zip);
    } finally {
      TemporaryFiles.delete(directory);
    }
  }

  public static LuceneWord2VecExpansion load(Path dl4jZip) throws IOException {
    long start = System.nanoTime();
    try (InputStream in = InputFiles.open(dl4jZip); Dl4jModelReader reader = new Dl4jModelReader(in)) {
      Word2VecSynonymProvider provider = new Word2VecSynonymProvider(reader.read());
      return new LuceneWord2VecExpansion(provider, System.nanoTime() - start);
    }
  }

  /** Time taken to read the zip and build the provider's HNSW graph. */
  public long loadNanos() {
    return loadNanos;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The filter at {@code settings}; it reads no expansion weight, as it sets no boosts. */
  @Override
  public Analyzer analyzer(ExpansionSettings settings) {
    return StandardEnglishAnalyzer.followedBy(input -> new Word2VecSynonymFilter(input, provider,
        settings.maxExpansions(), settings.luceneMinAcceptedSimilarity()));
  }
}
