package org.seqnlp.opennlp.models;

import java.io.IOException;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;

/**
 * Loads the shipped models from their Maven artifacts, without a file path, as OpenNLP loads its own
 * {@code opennlp-models-*} jars: add {@code org.seqnlp:seqnlp-models-ner-en} and write
 * {@code SeqNlpModels.nameFinder("en")}. When the jar is missing, the error names the artifact to add.
 *
 * <p>Each call reads the model anew; nothing is cached. The models are immutable and safe to share
 * between threads, so a program loads each once and keeps it.
 *
 * <p>The methods without a class loader look in the one that loaded SeqNLP, which sees the model jars
 * whenever they sit beside the SeqNLP jars (a plain class path, a Solr core's {@code lib}); pass a
 * class loader when the model jars are elsewhere.
 */
public final class SeqNlpModels {

  private SeqNlpModels() {
  }

  /**
   * The name finder for {@code language} ({@code en}, {@code es} or {@code nl}) from
   * {@code org.seqnlp:seqnlp-models-ner-LANGUAGE}, for a {@code NameFinderME}. Adds {@code org.seqnlp.}
   * to OpenNLP's extension allow-list, which the model's classes need (see {@link
   * org.seqnlp.opennlp.namefind}).
   *
   * @throws java.io.FileNotFoundException when the model jar is not on the class path
   */
  public static TokenNameFinderModel nameFinder(String language) throws IOException {
    return nameFinder(language, defaultLoader());
  }

  /** {@link #nameFinder(String)} from the model jar that {@code loader} sees. */
  public static TokenNameFinderModel nameFinder(String language, ClassLoader loader) throws IOException {
    ModelJar.ModelFile model = new ModelJar("ner", language, loader).read();
    return NameFinderModels.load(model.bytes(), model.source());
  }

  /**
   * The language model {@code name} ({@code ptb-word} or {@code ptb-char}) from
   * {@code org.seqnlp:seqnlp-models-lm-NAME}.
   *
   * @throws java.io.FileNotFoundException when the model jar is not on the class path
   */
  public static RnnLanguageModel languageModel(String name) throws IOException {
    return languageModel(name, defaultLoader());
  }

  /** {@link #languageModel(String)} from the model jar that {@code loader} sees. */
  public static RnnLanguageModel languageModel(String name, ClassLoader loader) throws IOException {
    ModelJar.ModelFile model = new ModelJar("lm", name, loader).read();
    return RnnLanguageModel.read(model.stream(), model.source());
  }

  /**
   * The word vectors for {@code language} ({@code en}) from {@code org.seqnlp:seqnlp-models-vectors-LANGUAGE}.
   *
   * @throws java.io.FileNotFoundException when the model jar is not on the class path
   */
  public static WordVectors wordVectors(String language) throws IOException {
    return wordVectors(language, defaultLoader());
  }

  /** {@link #wordVectors(String)} from the model jar that {@code loader} sees. */
  public static WordVectors wordVectors(String language, ClassLoader loader) throws IOException {
    ModelJar.ModelFile model = new ModelJar("vectors", language, loader).read();
    return VectorFiles.read(model.stream(), model.source());
  }

  private static ClassLoader defaultLoader() {
    return SeqNlpModels.class.getClassLoader();
  }
}
