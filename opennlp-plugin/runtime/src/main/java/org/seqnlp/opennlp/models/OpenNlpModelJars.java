package org.seqnlp.opennlp.models;

import java.io.IOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.io.PropertyFiles;
import org.seqnlp.opennlp.text.LanguageCodes;

/**
 * Loads the pre-trained sentence-detector and tokenizer models that Apache OpenNLP publishes on Maven
 * Central ({@code org.apache.opennlp:opennlp-models-sentdetect-<language>} and {@code
 * opennlp-models-tokenizer-<language>}) from the classpath, so an application adds a dependency instead of
 * shipping a file. This plugin does not depend on those jars; the application adds the languages it needs.
 *
 * <p>Each jar holds one model file at its root and a {@code model.properties} beside it giving the file's
 * name ({@code model.name}, such as {@code opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin}), its language and its
 * SHA-256. Every jar uses the same {@code model.properties} name, so all of them are read and the one of
 * the wanted kind and language is taken (the first in classpath order); the file's checksum is verified
 * before OpenNLP parses it.
 */
public final class OpenNlpModelJars {


  private static final String PROPERTIES = "model.properties";

  /** The kinds of model, told apart by the word in their file names. */
  enum Kind {
    SENTENCE_DETECTOR("-sentence-", "opennlp-models-sentdetect-"),
    TOKENIZER("-tokens-", "opennlp-models-tokenizer-");

    private final String fileNamePart;
    private final String artifactPrefix;

    Kind(String fileNamePart, String artifactPrefix) {
      this.fileNamePart = fileNamePart;
      this.artifactPrefix = artifactPrefix;
    }
  }

  private OpenNlpModelJars() {
  }

  /** The sentence-detector model for {@code language} ({@code en}, {@code de}, ...) on the classpath. */
  public static SentenceModel sentenceModel(String language) throws IOException {
    return sentenceModel(language, OpenNlpModelJars.class.getClassLoader());
  }

  /** The sentence-detector model for {@code language} that {@code loader} can see. */
  public static SentenceModel sentenceModel(String language, ClassLoader loader) throws IOException {
    ModelJar.ModelFile model = read(loader, Kind.SENTENCE_DETECTOR, language);
    return OpenNlpModelFiles.load(model.bytes(), model.source(), OpenNlpModelFiles.SENTENCE_MODEL);
  }

  /** The tokenizer model for {@code language} ({@code en}, {@code de}, ...) on the classpath. */
  public static TokenizerModel tokenizerModel(String language) throws IOException {
    return tokenizerModel(language, OpenNlpModelJars.class.getClassLoader());
  }

  /** The tokenizer model for {@code language} that {@code loader} can see. */
  public static TokenizerModel tokenizerModel(String language, ClassLoader loader) throws IOException {
    ModelJar.ModelFile model = read(loader, Kind.TOKENIZER, language);
    return OpenNlpModelFiles.load(model.bytes(), model.source(), OpenNlpModelFiles.TOKENIZER_MODEL);
  }

  static ModelJar.ModelFile read(ClassLoader loader, Kind kind, String language) throws IOException {
    Enumeration<URL> candidates = loader.getResources(PROPERTIES);
    while (candidates.hasMoreElements()) {
      URL propertiesUrl = candidates.nextElement();
      String propertiesSource = propertiesUrl.toString();
      Properties properties = PropertyFiles.parse(
          ModelJar.read(propertiesUrl, propertiesSource, ModelJar.MAX_DESCRIPTOR_BYTES), propertiesSource);
      String name = properties.getProperty("model.name", "");
      if (name.contains(kind.fileNamePart) && !name.contains("/")
          && LanguageCodes.same(properties.getProperty("model.language"), language)) {
        URL model = new URL(propertiesUrl, name);
        byte[] bytes = ModelJar.read(model, model.toString(), ModelJar.MAX_MODEL_BYTES);
        return new ModelJar.ModelFile(model.toString(), verified(model, bytes, properties.getProperty("model.sha256", "")));
      }
    }
    throw new IOException("no OpenNLP " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " model for language '" + language + "' on the classpath (add org.apache.opennlp:"
        + kind.artifactPrefix + language + ")");
  }


  private static byte[] verified(URL model, byte[] bytes, String expectedSha256) throws IOException {
    try {
      String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      if (!actual.equalsIgnoreCase(expectedSha256.strip())) {
        throw new IOException(model + ": SHA-256 " + actual + " does not match model.sha256 '"
            + expectedSha256.strip() + "' in its model.properties (a corrupt or altered jar)");
      }
      return bytes;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
