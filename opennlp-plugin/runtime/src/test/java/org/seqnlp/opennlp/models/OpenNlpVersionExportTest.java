package org.seqnlp.opennlp.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.ModelZips;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;
import org.seqnlp.opennlp.text.TextModelFixtures;

class OpenNlpVersionExportTest {

  private static final String[] SENTENCE = {"The", "cat", "sat", "on", "the", "mat"};
  private static byte[] nameFinder;

  @TempDir
  Path directory;

  @BeforeAll
  static void writeModel() throws IOException {
    nameFinder = ModelZips.of(RandomNetworks.create(5));
  }

  /** The name finder with its manifest's text changed by replacing {@code from} with {@code to}. */
  private static byte[] withManifestEdit(String from, String to) throws IOException {
    return ModelZips.rewritten(nameFinder, entries -> {
      String manifest = new String(entries.get("manifest.properties"), StandardCharsets.ISO_8859_1);
      entries.put("manifest.properties", manifest.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
      return entries;
    });
  }

  private static String manifest(byte[] model) throws IOException {
    return new String(ModelZips.entries(model).get("manifest.properties"), StandardCharsets.ISO_8859_1);
  }

  @Test
  void theCopyDiffersFromTheOriginalOnlyInItsVersionLine() throws IOException {
    byte[] exported = OpenNlpVersionExport.export(nameFinder, "m.bin", "1.9.4");
    Map<String, byte[]> original = ModelZips.entries(nameFinder);
    Map<String, byte[]> copy = ModelZips.entries(exported);
    assertEquals(List.copyOf(original.keySet()), List.copyOf(copy.keySet()));
    for (String name : original.keySet()) {
      if (!name.equals("manifest.properties")) {
        assertArrayEquals(original.get(name), copy.get(name), name);
      }
    }
    String version = opennlp.tools.util.Version.currentVersion().toString();
    assertEquals(manifest(nameFinder).replace("OpenNLP-Version=" + version + "\n", "OpenNLP-Version=1.9.4\n"),
        manifest(exported));
  }

  @Test
  void theCopyStillLoadsHereAndTagsAsTheOriginal() throws IOException {
    Path exported = directory.resolve("en-ner-1.9.4.bin");
    OpenNlpVersionExport.export(Files.write(directory.resolve("en-ner.bin"), nameFinder), "1.9.4", exported);
    TokenNameFinderModel copy = NameFinderModels.load(exported);
    TokenNameFinderModel original = NameFinderModels.load(nameFinder, "m.bin");
    assertEquals("1.9.4", copy.getVersion().toString());
    assertArrayEquals(new NameFinderME(original).find(SENTENCE), new NameFinderME(copy).find(SENTENCE));
  }

  @Test
  void sentenceAndTokenizerModelsWithTheDefaultFactoriesAreExported() throws IOException {
    byte[] sentences = OpenNlpVersionExport.export(TextModelFixtures.sentenceModelBytes("en"), "s.bin", "1.9.4");
    assertEquals("1.9.4", new SentenceModel(new ByteArrayInputStream(sentences)).getVersion().toString());
    byte[] tokens = OpenNlpVersionExport.export(TextModelFixtures.tokenizerModelBytes("en"), "t.bin", "1.9.4");
    assertEquals("1.9.4", new TokenizerModel(new ByteArrayInputStream(tokens)).getVersion().toString());
  }

  @Test
  void onlyTestedReleasesAreTargets() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OpenNlpVersionExport.export(nameFinder, "m.bin", "1.8.4"));
    assertEquals("cannot export for OpenNLP 1.8.4: the releases tested are 1.9.4", e.getMessage());
  }

  @Test
  void modelsNotKnownToRunTheSameAreRefused() throws IOException {
    InputFormatException other = assertThrows(InputFormatException.class, () -> OpenNlpVersionExport.export(
        withManifestEdit("Component-Name=NameFinderME", "Component-Name=POSTaggerME"), "m.bin", "1.9.4"));
    assertEquals("m.bin!manifest.properties: byte 0: Component-Name=POSTaggerME: only SeqNLP name finders and"
        + " sentence-detector and tokenizer models are known to run the same on OpenNLP 1.9.4", other.getMessage());

    InputFormatException none = assertThrows(InputFormatException.class, () -> OpenNlpVersionExport.export(
        withManifestEdit("Component-Name=", "x="), "m.bin", "1.9.4"));
    assertTrue(none.getMessage().startsWith("m.bin!manifest.properties: byte 0: Component-Name=null: only"),
        none.getMessage());

    InputFormatException maxent = assertThrows(InputFormatException.class, () -> OpenNlpVersionExport.export(
        withManifestEdit("serializer-class-nameFinder.model=", "x="), "m.bin", "1.9.4"));
    assertEquals("m.bin!manifest.properties: byte 0: a NameFinderME model with serializer-class-nameFinder.model="
        + "null: only org.seqnlp.opennlp.namefind.BiLstmCrfModelSerializer is known to run the same on OpenNLP 1.9.4",
        maxent.getMessage());
  }

  @Test
  void aManifestWithoutItsVersionLineOrWithoutManifestIsRefused() throws IOException {
    InputFormatException noVersion = assertThrows(InputFormatException.class, () -> OpenNlpVersionExport.export(
        withManifestEdit("OpenNLP-Version=", "OpenNLP-Version : "), "m.bin", "1.9.4"));
    assertEquals("m.bin!manifest.properties: byte 0: expected one line OpenNLP-Version=<version>, as OpenNLP"
        + " writes its manifests", noVersion.getMessage());
    // the only line that looks like the version's continues another value; the version is set on the next
    String version = opennlp.tools.util.Version.currentVersion().toString();
    InputFormatException continued = assertThrows(InputFormatException.class, () -> OpenNlpVersionExport.export(
        withManifestEdit("OpenNLP-Version=", "Note=see\\\nOpenNLP-Version=" + version + "\nOpenNLP-Version "),
        "m.bin", "1.9.4"));
    assertEquals(noVersion.getMessage(), continued.getMessage());

    byte[] withoutManifest = ModelZips.rewritten(nameFinder, entries -> {
      entries.remove("manifest.properties");
      return entries;
    });
    InputFormatException noManifest = assertThrows(InputFormatException.class,
        () -> OpenNlpVersionExport.export(withoutManifest, "m.bin", "1.9.4"));
    assertEquals("m.bin: byte 0: not an OpenNLP model zip: no manifest.properties", noManifest.getMessage());
  }

  @Test
  void theOutputIsCheckedBeforeAnyWork() throws IOException {
    Path model = Files.write(directory.resolve("en-ner.bin"), nameFinder);
    IOException e = assertThrows(IOException.class, () -> OpenNlpVersionExport.export(model, "1.9.4", model));
    assertEquals(model + ": is also an input (" + model + "); writing it would destroy the input", e.getMessage());
  }
}
