package org.seqnlp.opennlp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.ModelZips;
import org.seqnlp.opennlp.text.TextModelFixtures;

class OpenNlpModelFilesTest {

  @BeforeAll
  static void allowOurFactories() {
    // as the CLI does, so that OpenNLP makes the factory a manifest names (it refuses other packages by default)
    ExtensionLoader.registerAllowedPackage(UnrelatedToolFactory.class.getPackageName());
  }

  @AfterAll
  static void disallowThem() {
    ExtensionLoader.unregisterAllowedPackage(UnrelatedToolFactory.class.getPackageName());
  }

  /** {@code model} with its manifest naming {@code factory}, which OpenNLP makes without complaint. */
  private static byte[] withFactory(byte[] model, Class<?> factory) throws IOException {
    return ModelZips.rewritten(model, entries -> {
      String manifest = new String(entries.get("manifest.properties"), StandardCharsets.ISO_8859_1);
      String changed = manifest.replaceAll("(?m)^factory=.*$", "") + "factory=" + factory.getName() + "\n";
      entries.put("manifest.properties", changed.getBytes(StandardCharsets.ISO_8859_1));
      return entries;
    });
  }

  @Test
  void sentenceAndTokenizerModelsWithAFactoryOfAnotherKindFailAtLoadNamingTheFile() throws IOException {
    byte[] sentences = withFactory(TextModelFixtures.sentenceModelBytes("en"), UnrelatedToolFactory.class);
    InputFormatException sentenceError = assertThrows(InputFormatException.class,
        () -> OpenNlpModelFiles.load(sentences, "s.bin", OpenNlpModelFiles.SENTENCE_MODEL));
    assertEquals("s.bin: byte 0: not a readable OpenNLP model: its manifest's factory, "
        + UnrelatedToolFactory.class.getName() + ", is no sentence-detector factory", sentenceError.getMessage());
    byte[] tokens = withFactory(TextModelFixtures.tokenizerModelBytes("en"), UnrelatedToolFactory.class);
    InputFormatException tokenError = assertThrows(InputFormatException.class,
        () -> OpenNlpModelFiles.load(tokens, "t.bin", OpenNlpModelFiles.TOKENIZER_MODEL));
    assertEquals("t.bin: byte 0: not a readable OpenNLP model: its manifest's factory, "
        + UnrelatedToolFactory.class.getName() + ", is no tokenizer factory", tokenError.getMessage());
  }

  @Test
  void modelsWithTheirOwnFactoriesLoad() throws IOException {
    assertEquals("en", OpenNlpModelFiles.load(TextModelFixtures.sentenceModelBytes("en"), "s.bin",
        OpenNlpModelFiles.SENTENCE_MODEL).getLanguage());
    assertEquals("en", OpenNlpModelFiles.load(TextModelFixtures.tokenizerModelBytes("en"), "t.bin",
        OpenNlpModelFiles.TOKENIZER_MODEL).getLanguage());
  }
}
