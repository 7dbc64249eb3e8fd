package org.seqnlp.opennlp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.text.TextModelFixtures;

/** Loads models from directories laid out as OpenNLP's model jars are: model.properties beside the model. */
class OpenNlpModelJarsTest {

  @TempDir
  Path directory;

  @Test
  void findsTheModelOfTheWantedKindAndLanguageAmongAllJars() throws Exception {
    try (URLClassLoader loader = loader(
        jar("tokenizer-nl", "opennlp-nl-ud-alpino-tokens-1.3-2.5.4.bin", "nl", TextModelFixtures.tokenizerModelBytes("nl"), null),
        jar("sentdetect-en", "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", "en", TextModelFixtures.sentenceModelBytes("en"), null),
        jar("tokenizer-en", "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", "en", TextModelFixtures.tokenizerModelBytes("en"), null))) {
      assertEquals("en", OpenNlpModelJars.tokenizerModel("en", loader).getLanguage());
      assertEquals("nl", OpenNlpModelJars.tokenizerModel("nld", loader).getLanguage());
      assertEquals(4, new TokenizerME(OpenNlpModelJars.tokenizerModel("en", loader)).tokenize("Anna came home.").length);
      assertEquals(2, new SentenceDetectorME(OpenNlpModelJars.sentenceModel("en", loader))
          .sentDetect("Dr. Bob left early. They met in Paris.").length);
    }
  }

  @Test
  void aMissingModelNamesTheArtifactToAdd() throws Exception {
    try (URLClassLoader loader = loader(
        jar("tokenizer-en", "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", "en", TextModelFixtures.tokenizerModelBytes("en"), null))) {
      IOException missing = assertThrows(IOException.class, () -> OpenNlpModelJars.sentenceModel("en", loader));
      assertEquals("no OpenNLP sentence detector model for language 'en' on the classpath (add"
          + " org.apache.opennlp:opennlp-models-sentdetect-en)", missing.getMessage());
      assertThrows(IOException.class, () -> OpenNlpModelJars.tokenizerModel("de", loader));
    }
  }

  @Test
  void aModelThatDoesNotMatchItsChecksumIsRefused() throws Exception {
    try (URLClassLoader loader = loader(jar("tokenizer-en", "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", "en",
        TextModelFixtures.tokenizerModelBytes("en"), "00"))) {
      IOException corrupt = assertThrows(IOException.class, () -> OpenNlpModelJars.tokenizerModel("en", loader));
      assertTrue(corrupt.getMessage().contains("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin: SHA-256 ")
          && corrupt.getMessage().endsWith("does not match model.sha256 '00' in its model.properties (a corrupt or"
          + " altered jar)"), corrupt.getMessage());
    }
  }

  private Path jar(String name, String modelName, String language, byte[] model, String sha256)
      throws IOException, NoSuchAlgorithmException {
    Path root = Files.createDirectories(directory.resolve(name));
    Files.write(root.resolve(modelName), model);
    String checksum = sha256 != null ? sha256 : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
    Files.writeString(root.resolve("model.properties"),
        "model.name=" + modelName + "\nmodel.language=" + language + "\nmodel.sha256=" + checksum + "\n");
    return root;
  }

  private static URLClassLoader loader(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    // No parent: the classpath's own model jars, if any, must not be found.
    return new URLClassLoader(urls, null);
  }
}
