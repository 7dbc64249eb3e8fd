package org.seqnlp.examples.solr.opennlp;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.seqnlp.opennlp.models.OpenNlpVersionExport;

/**
 * The models of these tests as their jars on the test class path hold them (the shipped English name finder,
 * OpenNLP's English sentence and tokenizer models 1.3.0, which say {@code OpenNLP-Version=2.5.x}), their copies
 * for OpenNLP 1.9.4, and the jar of those copies that a Solr node gets on its class path, as examples/README.md
 * tells users to build it.
 */
final class TestModels {

  /** The resource names that the opennlp-ner configset gives the models. */
  static final String NAME_FINDER = "seqnlp/en-ner.bin";
  static final String SENTENCES = "seqnlp/en-sent.bin";
  static final String TOKENS = "seqnlp/en-token.bin";

  /** Where each model lies in its jar on the class path. */
  private static final Map<String, String> ORIGINALS = Map.of(
      NAME_FINDER, "org/seqnlp/models/ner/en/en-ner.bin",
      SENTENCES, "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
      TOKENS, "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin");
  private static final String LANGUAGE_MODEL = "org/seqnlp/models/lm/ptb-char/ptb-char-lstm.zip";

  private TestModels() {
  }

  /** The model the configset names {@code name} (one of the constants), as its jar holds it. */
  static byte[] original(String name) throws IOException {
    return resource(ORIGINALS.get(name));
  }

  /** The copy of that model for OpenNLP 1.9.4, as {@code seqnlp export-model --opennlp-version 1.9.4} writes it. */
  static byte[] forOpenNlp194(String name) throws IOException {
    return OpenNlpVersionExport.export(original(name), ORIGINALS.get(name), "1.9.4");
  }

  /** The shipped character language model. */
  static byte[] languageModel() throws IOException {
    return resource(LANGUAGE_MODEL);
  }

  /**
   * Writes {@code seqnlp-solr-models.jar}, the copies for OpenNLP 1.9.4 under the names the configset gives
   * them, into {@code directory}: a node's {@code SOLR_HOME/lib} or {@code sharedLib}.
   */
  static Path writeSolrModelJar(Path directory) throws IOException {
    Path jar = directory.resolve("seqnlp-solr-models.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : ORIGINALS.keySet()) {
        byte[] model = forOpenNlp194(name);
        // Stored, not deflated again: a model zip is compressed already.
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(model.length);
        CRC32 crc = new CRC32();
        crc.update(model);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(model);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new FileNotFoundException(name + ": not on the test class path");
      }
      return in.readAllBytes();
    }
  }
}
