package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

class EvalIrCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var commandLine = SeqNlp.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /**
   * Runs eval-ir on the fixture collections MED and CISI, one neighbour of cosine 0.9 at most, with {@code
   * options} added, and returns the report.
   */
  private String runOnFixtures(String... options) throws IOException {
    IrFixtures.writeMedAndCisi(dir);
    Path output = Files.createDirectories(dir.resolve("out")).resolve("ir.md");
    List<String> args = new ArrayList<>(List.of("eval-ir", "--data", dir.toString(), "--output", output.toString(),
        "--collections", "med,cisi", "--max-expansions", "1", "--min-similarity", "0.9", "--latency-repetitions", "1"));
    args.addAll(List.of(options));
    assertEquals(0, run(args.toArray(new String[0])), err.toString());
    return Files.readString(output);
  }

  @Test
  void writesTheReportForFixtureCollections() throws IOException {
    String report = runOnFixtures("--vectors", IrFixtures.vectors(dir).toString(), "--no-own-vectors",
        "--expansion-weight", "0.5,1");

    assertTrue(report.contains("seqnlp eval-ir --data " + dir), report);
    assertTrue(report.contains("The grid: 2 settings"), report);
    assertTrue(report.contains("and style [as_distinct_terms]"), report);
    assertTrue(report.contains("| MED | k=1, cos>=0.90, w=0.50, as_distinct_terms |"), report);
    assertTrue(report.contains("| general / seqnlp, cross-validated settings |"), report);
    assertTrue(report.contains("| BM25 + RM3 |"), report);
    assertTrue(report.contains("## Every setting of the grid (in-sample)"), report);
    assertTrue(report.contains("## Efficiency"), report);
    assertTrue(out.toString().startsWith("general vectors, cross-validated: mean MAP "), out.toString());
  }

  @Test
  void ownVectorsAreAnEnsembleOfTheTrainingsAsked() throws IOException {
    Path cache = dir.resolve("cache");
    String report = runOnFixtures("--no-general-vectors", "--expansion-weight", "0.5", "--train-ensemble", "2",
        "--train-dimension", "4", "--train-epochs", "1", "--train-min-count", "1", "--threads", "1", "--vector-cache",
        cache.toString());

    assertTrue(report.contains("an ensemble of 2 trainings (seeds 1 to 2)"), report);
    try (Stream<Path> files = Files.list(cache)) {
      List<Path> cached = files.sorted().toList();
      assertEquals(2, cached.size(), cached.toString());
      for (Path file : cached) {
        assertEquals(8, VectorFiles.read(file, VectorFormat.WORD2VEC_BINARY).dimension(), file.toString());
      }
    }
  }

  @Test
  void ownVectorsTrainedOnTheStoredTextAreCachedApartAndNamedInTheReport() throws IOException {
    Path cache = dir.resolve("cache");
    List<String> options = new ArrayList<>(List.of("--no-general-vectors", "--expansion-weight", "0.5",
        "--train-ensemble", "1", "--train-dimension", "4", "--train-epochs", "1", "--train-min-count", "1", "--threads",
        "1", "--vector-cache", cache.toString()));
    runOnFixtures(options.toArray(new String[0]));
    options.addAll(List.of("--train-text", "stored"));
    String report = runOnFixtures(options.toArray(new String[0]));

    assertTrue(report.contains("trained on the documents' text as `train-vectors --index` reads a stored field"),
        report);
    assertTrue(report.matches("(?s).*- MED own vectors: [0-9,]+ words, trained and kept in .*"), report);
    try (Stream<Path> files = Files.list(cache)) {
      List<WordVectors> cached = new ArrayList<>();
      for (Path file : files.toList()) {
        cached.add(VectorFiles.read(file, VectorFormat.WORD2VEC_BINARY));
      }
      assertEquals(4, cached.size(), "two collections, each trained on two texts");
      assertEquals(2, cached.stream().filter(vectors -> vectors.contains("the")).count(),
          "the stored text keeps the stop word the analysis removes");
    }
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--no-general-vectors", "--train-text", "parsed"));
    assertTrue(err.toString().contains("expected one of [ANALYSED, STORED] (case-insensitive) but was 'parsed'"),
        err.toString());
  }

  @Test
  void joinedOwnVectorsHaveTheGeneralVectorsBesideThem() throws IOException {
    String report = runOnFixtures("--vectors", IrFixtures.vectors(dir).toString(), "--join-general",
        "--expansion-weight", "0.5", "--train-ensemble", "1", "--train-dimension", "4", "--train-epochs", "1",
        "--train-min-count", "1", "--threads", "1");

    assertTrue(report.contains("Then joined with the general vectors, as `train-vectors --join` writes them"), report);
    // 4 trained dimensions and the fixture's general 2 beside them
    assertTrue(report.matches("(?s).*- MED own vectors: [0-9,]+ words, trained, joined with the general vectors"
        + " \\(which hold [0-9,]+ of them\\): 6 dimensions, in .*"), report);
    assertTrue(report.contains("| own-collection joined / seqnlp, cross-validated settings |"), report);
    assertTrue(report.matches("(?s).*- own-collection joined vectors, cross-validated: mean MAP \\S+ vs BM25 \\(target"
        + " >= \\+3\\.0%\\).*"), report);
  }

  @Test
  void joinedVectorsTooWideFailBeforeAnyWork() throws IOException {
    IrFixtures.writeMedAndCisi(dir);
    Path vectors = IrFixtures.vectors(dir);
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ir", "--data", dir.toString(), "--vectors", vectors.toString(),
        "--join-general", "--collections", "med,cisi", "--train-dimension", "10000", "--train-ensemble", "1",
        "--output", dir.resolve("ir.md").toString()));
    assertTrue(err.toString().contains("own vectors of 10000 dimensions cannot be joined with " + vectors
        + ": 10,000 + 2 dimensions are 10,002"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @Test
  void joiningWithoutBothVectorSetsIsAUsageError() throws IOException {
    Path vectors = IrFixtures.vectors(dir);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--join-general",
        "--no-own-vectors"));
    assertTrue(err.toString().contains("joining needs both the general vectors and own vectors"), err.toString());
  }

  @Test
  void crossValidationNeedsTwoCollections() throws IOException {
    Path vectors = IrFixtures.vectors(dir);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--collections", "med"));
    assertTrue(err.toString().contains("cross-validation needs at least two collections"), err.toString());
  }

  @Test
  void unknownSynonymQueryStyleIsAUsageError() throws IOException {
    Path vectors = IrFixtures.vectors(dir);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--synonym-query-style",
        "pick_best"));
    assertTrue(err.toString().contains("unknown synonymQueryStyle 'pick_best'"), err.toString());
  }

  @Test
  void expansionWeightAboveOneIsAUsageError() throws IOException {
    Path vectors = IrFixtures.vectors(dir);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--expansion-weight", "0.5,2"));
    assertTrue(err.toString().contains("--expansion-weight"), err.toString());
  }

  @Test
  void missingVectorsFileFailsAsInEveryCommand() {
    Path missing = dir.resolve("none.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ir", "--vectors", missing.toString()));
    assertEquals("seqnlp eval-ir: error: " + missing + ": no such vector file\n", err.toString());
  }

  @Test
  void noVectorsAtAllIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--no-general-vectors", "--no-own-vectors"));
    assertTrue(err.toString().contains("no vectors to expand with"), err.toString());
  }

  @Test
  void unknownCollectionIsAUsageError() throws IOException {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--collections", "trec"));
    assertTrue(err.toString().contains("unknown collection 'trec'"), err.toString());
  }

  @Test
  void aVectorCacheThatCannotBeADirectoryIsAUsageErrorBeforeTheWork() throws IOException {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    Path underAFile = vectors.resolve("cache");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--vector-cache",
        underAFile.toString(), "--output", dir.resolve("ir.md").toString()));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains(vectors.toString()), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--vector-cache",
        vectors.toString(), "--output", dir.resolve("ir.md").toString()));
    assertEquals("seqnlp eval-ir: error: " + vectors + ": is a file, not a directory", err.toString().strip());
  }

  @Test
  void impossibleSettingIsAUsageError() throws IOException {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--min-similarity", "1.5"));
    assertTrue(err.toString().contains("minSimilarity must be in (0, 1]"), err.toString());
  }
}
