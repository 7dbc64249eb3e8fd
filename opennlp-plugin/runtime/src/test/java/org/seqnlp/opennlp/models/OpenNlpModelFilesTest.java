package org.seqnlp.opennlp.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
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

  /** {@code model} with the entry {@code name} holding {@code text}. */
  private static byte[] withEntry(byte[] model, String name, String text) throws IOException {
    return ModelZips.rewritten(model, entries -> {
      entries.put(name, text.getBytes(StandardCharsets.UTF_8));
      return entries;
    });
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
  void aDictionaryThatIsNotWellFormedIsOneErrorAtItsLineAndADoctypeIsRefused() throws IOException {
    PrintStream standardErr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      byte[] broken = withEntry(TextModelFixtures.sentenceModelBytes("en"), "abbreviations.dictionary",
          "<dictionary>\n<entry>");
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> OpenNlpModelFiles.load(broken, "s.bin", OpenNlpModelFiles.SENTENCE_MODEL));
      assertTrue(e.getMessage().startsWith("s.bin!abbreviations.dictionary:2: not well-formed XML: "), e.getMessage());
      byte[] doctype = withEntry(TextModelFixtures.sentenceModelBytes("en"), "abbreviations.dictionary",
          "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><dictionary>&x;</dictionary>");
      e = assertThrows(InputFormatException.class,
          () -> OpenNlpModelFiles.load(doctype, "s.bin", OpenNlpModelFiles.SENTENCE_MODEL));
      assertEquals("s.bin!abbreviations.dictionary:1: a DOCTYPE, which a dictionary may not have (it could make the"
          + " parser read other files)", e.getMessage());
    } finally {
      System.setErr(standardErr);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing on stderr beside the error");
  }

  @Test
  void anEntryNamedTwiceIsRefusedWhereOpenNlpWouldKeepTheLast() throws IOException {
    Map<String, byte[]> entries = ModelZips.entries(TextModelFixtures.tokenizerModelBytes("en"));
    String twice = entries.keySet().stream().filter(name -> !name.equals("manifest.properties")).findFirst()
        .orElseThrow();
    // ZipOutputStream refuses a name twice: the copy is written under a name of the same length, then renamed.
    String placeholder = twice.substring(0, twice.length() - 1) + "\u0001";
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(placeholder));
      out.write(entries.get(twice));
      out.closeEntry();
    }
    byte[] bytes = new String(zip.toByteArray(), StandardCharsets.ISO_8859_1).replace(placeholder, twice)
        .getBytes(StandardCharsets.ISO_8859_1);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> OpenNlpModelFiles.load(bytes, "t.bin", OpenNlpModelFiles.TOKENIZER_MODEL));
    assertEquals("t.bin!" + twice + ": byte 0: the entry appears twice in the zip", e.getMessage());
  }

  @Test
  void aLanguageModelOrAZipWhoseManifestNamesNoComponentIsNoOpenNlpModel() throws IOException {
    byte[] languageModel = zipOf("Component-Name=" + RnnLanguageModel.COMPONENT + "\nFormat-Version=1\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> OpenNlpModelFiles.load(languageModel, "lm.zip", OpenNlpModelFiles.TOKENIZER_MODEL));
    assertEquals("lm.zip: byte 0: a SeqNLP language model, not an OpenNLP model: it is read by perplexity and sample,"
        + " and by RnnLanguageModel in code", e.getMessage());
    byte[] other = zipOf("Format-Version=1\n");
    e = assertThrows(InputFormatException.class,
        () -> OpenNlpModelFiles.load(other, "o.zip", OpenNlpModelFiles.TOKENIZER_MODEL));
    assertEquals("o.zip: byte 0: not an OpenNLP model: its manifest names no Component-Name", e.getMessage());
  }

  /** A zip of {@code manifest} and an entry OpenNLP knows no reader for. */
  private static byte[] zipOf(String manifest) throws IOException {
    return ModelZips.rewritten(TextModelFixtures.tokenizerModelBytes("en"), entries -> {
      entries.clear();
      entries.put("manifest.properties", manifest.getBytes(StandardCharsets.ISO_8859_1));
      entries.put("weights.bin", new byte[8]);
      return entries;
    });
  }

  @Test
  void modelsWithTheirOwnFactoriesLoad() throws IOException {
    assertEquals("en", OpenNlpModelFiles.load(TextModelFixtures.sentenceModelBytes("en"), "s.bin",
        OpenNlpModelFiles.SENTENCE_MODEL).getLanguage());
    assertEquals("en", OpenNlpModelFiles.load(TextModelFixtures.tokenizerModelBytes("en"), "t.bin",
        OpenNlpModelFiles.TOKENIZER_MODEL).getLanguage());
  }
}
