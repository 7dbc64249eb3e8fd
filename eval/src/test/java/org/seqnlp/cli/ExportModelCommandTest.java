package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.models.OpenNlpModelJars;

/** export-model on the shipped English name finder. */
class ExportModelCommandTest extends ToolTest {

  private static final String MODEL = "../models/ner/en-ner.bin";
  private static final String[] SENTENCE = {"Angela", "Merkel", "visited", "Paris", "."};

  @TempDir
  Path directory;

  @Test
  void writesACopyForOpenNlp194ThatTagsAsTheModel() throws IOException {
    Path output = directory.resolve("en-ner-1.9.4.bin");
    assertEquals(0, run("export-model", "--model", MODEL, "--opennlp-version", "1.9.4", "--output", output.toString()),
        err.toString());
    assertEquals("wrote " + output + ": " + MODEL + " for OpenNLP 1.9.4", out.toString().strip());
    assertEquals("1.9.4", NerFiles.loadModel(output).getVersion().toString());
    Span[] expected = new NameFinderME(NerFiles.loadModel(Path.of(MODEL))).find(SENTENCE);
    assertEquals(2, expected.length);
    assertArrayEquals(expected, new NameFinderME(NerFiles.loadModel(output)).find(SENTENCE));
  }

  @Test
  void writesACopyWithTheDocumentContextSetThatTagsASentenceAsTheModel() throws IOException {
    Path output = directory.resolve("en-ner-context.bin");
    assertEquals(0, run("export-model", "--model", MODEL, "--document-context", "2", "--document-threshold", "0.95",
        "--output", output.toString()), err.toString());
    assertEquals("wrote " + output + ": " + MODEL + " document context weight 2.0, threshold 0.95",
        out.toString().strip());
    TokenNameFinderModel copy = NerFiles.loadModel(output);
    assertEquals("weight 2.0, threshold 0.95", DocumentContextOptions.describe(copy));
    assertEquals("weight 4.0, threshold 0.8", DocumentContextOptions.describe(NerFiles.loadModel(Path.of(MODEL))));
    // The first sentence of a document has no memory to use: the network alone decides, as in the model.
    assertArrayEquals(new NameFinderME(NerFiles.loadModel(Path.of(MODEL))).find(SENTENCE),
        new NameFinderME(copy).find(SENTENCE));
  }

  @Test
  void setsTheDocumentContextAndTheReleaseTogether() throws IOException {
    Path output = directory.resolve("en-ner-off-1.9.4.bin");
    assertEquals(0, run("export-model", "--model", MODEL, "--document-context", "0", "--opennlp-version", "1.9.4",
        "--output", output.toString()), err.toString());
    assertEquals("wrote " + output + ": " + MODEL + " document context off, for OpenNLP 1.9.4", out.toString().strip());
    TokenNameFinderModel copy = NerFiles.loadModel(output);
    assertEquals("1.9.4", copy.getVersion().toString());
    assertEquals("off", DocumentContextOptions.describe(copy));
  }

  @Test
  void withNothingToChangeItIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("export-model", "--model", MODEL, "--output",
        directory.resolve("m.bin").toString()));
    assertEquals("seqnlp export-model: give --opennlp-version, --document-context (or --document-threshold), or both"
        + " (see --help)", err.toString().strip());
  }

  @Test
  void anUntestedReleaseIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("export-model", "--model", MODEL, "--opennlp-version", "1.8.4", "--output",
        directory.resolve("m.bin").toString()));
    assertEquals("seqnlp export-model: --opennlp-version must be one of [1.9.4], got 1.8.4 (see --help)",
        err.toString().strip());
  }

  @Test
  void aFileThatIsNoModelFailsWithOneLine() throws IOException {
    Path notAModel = Files.writeString(directory.resolve("vectors.txt"), "2 1\na 0.5\nb 0.1\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("export-model", "--model", notAModel.toString(), "--opennlp-version",
        "1.9.4", "--output", directory.resolve("m.bin").toString()));
    assertEquals("seqnlp export-model: error: " + notAModel + ": byte 0: not an OpenNLP model zip: no"
        + " manifest.properties", err.toString().strip());
    assertTrue(Files.notExists(directory.resolve("m.bin")), "nothing is written on failure");
  }

  @Test
  void exportsOpenNlpsTokenizerAndSentenceModelsToo() throws IOException {
    Path tokenizer = directory.resolve("en-token.bin");
    Path sentences = directory.resolve("en-sent.bin");
    try (OutputStream out = Files.newOutputStream(tokenizer)) {
      OpenNlpModelJars.tokenizerModel("en").serialize(out);
    }
    try (OutputStream out = Files.newOutputStream(sentences)) {
      OpenNlpModelJars.sentenceModel("en").serialize(out);
    }
    for (Path model : List.of(tokenizer, sentences)) {
      Path output = directory.resolve("exported-" + model.getFileName());
      assertEquals(0, run("export-model", "--model", model.toString(), "--opennlp-version", "1.9.4", "--output",
          output.toString()), err.toString());
      assertTrue(Files.isRegularFile(output));
    }
  }

  @Test
  void aModelThatDoesNotLoadIsNotCopied() throws IOException {
    // The shipped model with a damaged feature-generator descriptor beside its network.
    Path damaged = directory.resolve("damaged.bin");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(MODEL)));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
      }
      out.putNextEntry(new ZipEntry("generator.featuregen"));
      out.write("<generators".getBytes(StandardCharsets.UTF_8));
    }
    Path output = directory.resolve("copy.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("export-model", "--model", damaged.toString(), "--opennlp-version", "1.9.4",
        "--output", output.toString()));
    assertTrue(err.toString().contains(damaged + "!generator.featuregen:1: not well-formed XML"), err.toString());
    assertTrue(Files.notExists(output));
  }
}
