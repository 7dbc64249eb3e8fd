package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.Span;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;
import org.seqnlp.opennlp.namefind.network.TokenCacheSetting;

class NameFinderModelsTest {

  private static final String[] SENTENCE = {"The", "cat", "sat", "on", "the", "mat"};
  private static byte[] model;

  @TempDir
  Path directory;

  @BeforeAll
  static void writeModel() throws IOException {
    model = ModelZips.of(RandomNetworks.create(3));
  }

  private Path file(byte[] bytes) throws IOException {
    Path file = directory.resolve("m.bin");
    Files.write(file, bytes);
    return file;
  }

  /** The model zip with its entries changed by {@code change} (name to bytes, in zip order). */
  private static byte[] rewritten(UnaryOperator<Map<String, byte[]>> change) throws IOException {
    return ModelZips.rewritten(model, change);
  }

  /** The model zip with its manifest's text changed by {@code change}. */
  private static byte[] withManifest(UnaryOperator<String> change) throws IOException {
    return rewritten(entries -> {
      String manifest = new String(entries.get("manifest.properties"), StandardCharsets.ISO_8859_1);
      entries.put("manifest.properties", change.apply(manifest).getBytes(StandardCharsets.ISO_8859_1));
      return entries;
    });
  }

  @Test
  void addsOurPackageToOpenNlpsAllowListItself() throws IOException {
    ExtensionLoader.unregisterAllowedPackage("org.seqnlp.");
    try {
      assertEquals(3, NameFinderModels.load(model, "m.bin").getNameFinderSequenceModel().getOutcomes().length);
    } finally {
      ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    }
  }

  @Test
  void loadsACheckedModelThatTagsAsTheOriginal() throws IOException {
    TokenNameFinderModel loaded = NameFinderModels.load(file(model));
    TokenNameFinderModel original;
    try (InputStream in = new ByteArrayInputStream(model)) {
      original = new TokenNameFinderModel(in);
    }
    Span[] expected = new NameFinderME(original).find(SENTENCE);
    assertArrayEquals(expected, new NameFinderME(loaded).find(SENTENCE));
  }

  @Test
  void anOversizedManifestIsRejectedBeforeOpenNlpParsesIt() throws IOException {
    byte[] bytes = rewritten(entries -> {
      byte[] padded = new byte[(1 << 16) + 10];
      java.util.Arrays.fill(padded, (byte) '#');
      entries.put("manifest.properties", padded);
      return entries;
    });
    InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    assertEquals(directory.resolve("m.bin") + "!manifest.properties: byte 65536: the entry is larger than its"
        + " limit of 65536 bytes", e.getMessage());
  }

  @Test
  void aZipBombEntryIsRejectedFast() throws IOException {
    byte[] bytes = rewritten(entries -> {
      entries.put("bomb.bin", new byte[256 << 20]);
      return entries;
    });
    InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    assertTrue(e.getMessage().startsWith(directory.resolve("m.bin") + "!bomb.bin: byte "), e.getMessage());
    assertTrue(e.problem().startsWith("the zip's entries hold more than"), e.getMessage());
  }

  @Test
  void aFileWithoutManifestIsNotAModel() throws IOException {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> NameFinderModels.load(file("just text".getBytes())));
    assertEquals(directory.resolve("m.bin") + ": byte 0: not an OpenNLP model zip: no manifest.properties", e.getMessage());
  }

  @Test
  void aDamagedNetworkFailsWithItsOffset() throws IOException {
    byte[] bytes = rewritten(entries -> {
      byte[] network = entries.get("nameFinder.model");
      entries.put("nameFinder.model", java.util.Arrays.copyOf(network, network.length / 2));
      return entries;
    });
    IOException e = assertThrows(IOException.class, () -> NameFinderModels.load(file(bytes)));
    assertTrue(e.getMessage().contains("nameFinder.model"), e.getMessage());
    assertTrue(e.getMessage().contains(": byte "), e.getMessage());
  }

  /** The model zip with {@code descriptor} as its feature-generator descriptor, and an entry after it. */
  private static byte[] withDescriptor(String descriptor) throws IOException {
    return rewritten(entries -> {
      entries.put("generator.featuregen", descriptor.getBytes(StandardCharsets.UTF_8));
      entries.put("z-after.txt", "an entry after the descriptor".getBytes(StandardCharsets.UTF_8));
      return entries;
    });
  }

  @Test
  void aDamagedFeatureGeneratorDescriptorFailsAtLoadNamingTheFile() throws IOException {
    byte[] bytes = withDescriptor("<generators");
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    InputFormatException e;
    try {
      e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    } finally {
      System.setErr(stderr);
    }
    assertTrue(e.getMessage().startsWith(directory.resolve("m.bin") + "!generator.featuregen:1: not well-formed XML: "),
        e.getMessage());
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing of the XML parser's own");
  }

  @Test
  void aWellFormedFeatureGeneratorDescriptorLoads() throws IOException {
    // The zip's stream must stay open after the descriptor is parsed, for the entry after it.
    byte[] bytes = withDescriptor("<featureGenerators name=\"nameFinder\"><generator class=\"opennlp.tools."
        + "util.featuregen.TokenFeatureGeneratorFactory\"/></featureGenerators>");
    assertEquals(new NameFinderME(NameFinderModels.load(file(model))).find(SENTENCE).length,
        new NameFinderME(NameFinderModels.load(file(bytes))).find(SENTENCE).length);
  }

  @Test
  void aFeatureGeneratorDescriptorWithADoctypeIsRefused() throws IOException {
    // External entities would read local files or the network; a descriptor needs no DOCTYPE.
    byte[] bytes = withDescriptor("<?xml version=\"1.0\"?>"
        + "<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><generators>&x;</generators>");
    InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    assertTrue(e.getMessage().endsWith("!generator.featuregen:1: a DOCTYPE, which a descriptor may not have (it"
        + " could make the parser read other files)"), e.getMessage());
  }

  /** With either factory: a stock one, checked by our loader, or ours, which checks wherever OpenNLP loads it. */
  @Test
  void anotherCodecThanBioIsRefusedForOurNetwork() throws IOException {
    for (String factory : List.of("opennlp.tools.namefind.TokenNameFinderFactory",
        DocumentContextFactory.class.getName())) {
      byte[] bytes = withManifest(manifest -> manifest
          .replace("factory=opennlp.tools.namefind.TokenNameFinderFactory", "factory=" + factory)
          .replace("opennlp.tools.namefind.BioCodec", "opennlp.tools.namefind.BilouCodec"));
      InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
      assertTrue(e.getMessage().endsWith("manifest.properties: sequenceCodecImplName is"
          + " opennlp.tools.namefind.BilouCodec, but a SeqNLP name finder's labels are BIO labels, which only"
          + " opennlp.tools.namefind.BioCodec turns into names"), e.getMessage());
      if (factory.equals(DocumentContextFactory.class.getName())) {
        ExtensionAllowList.allowSeqNlp();
        // OpenNLP wraps the factory's InvalidFormatException in an IllegalArgumentException
        Exception refused = assertThrows(IllegalArgumentException.class,
            () -> new TokenNameFinderModel(new ByteArrayInputStream(bytes)), "OpenNLP's own loading refuses it too");
        assertTrue(refused.getCause() instanceof InvalidFormatException cause
            && cause.getMessage().contains("sequenceCodecImplName is opennlp.tools.namefind.BilouCodec"),
            refused::toString);
      }
    }
  }

  @Test
  void aBadTokenCacheSettingIsNotBlamedOnTheModel() throws IOException {
    Path file = file(model);
    TokenCacheSetting.with("4k", () -> {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> NameFinderModels.load(file));
      assertTrue(e.getMessage().startsWith("system property seqnlp.ner.tokenCache must be"), e.getMessage());
    });
  }

  @Test
  void documentContextEntriesUnderAStockFactoryAreRefusedRatherThanIgnored() throws IOException {
    byte[] bytes = withManifest(manifest -> manifest + DocumentContext.WEIGHT_ENTRY + "=4\n"
        + DocumentContext.THRESHOLD_ENTRY + "=0.8\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    assertTrue(e.getMessage().endsWith("manifest.properties: SeqNLP-Document-Context-Weight is set, but the factory"
        + " opennlp.tools.namefind.TokenNameFinderFactory ignores it; the document context needs"
        + " factory=org.seqnlp.opennlp.namefind.DocumentContextFactory"), e.getMessage());
  }

  @Test
  void aDocumentContextOutOfRangeFailsNamingItsManifestEntry() throws IOException {
    byte[] bytes = withManifest(manifest -> manifest.replace("factory=opennlp.tools.namefind.TokenNameFinderFactory",
        "factory=" + DocumentContextFactory.class.getName()) + DocumentContext.WEIGHT_ENTRY + "=400\n"
        + DocumentContext.THRESHOLD_ENTRY + "=0.9\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> NameFinderModels.load(file(bytes)));
    assertTrue(e.getMessage().startsWith(directory.resolve("m.bin") + ": byte 0: not a readable OpenNLP model: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("manifest.properties: document-context weight must be in [0, 100], not 400.0"),
        e.getMessage());
  }
}
