package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;

/** Numeric options out of their range are usage errors (exit 2) that give the range, before any work. */
class OptionRangesTest extends ToolTest {

  @TempDir
  Path directory;

  private void assertUsageError(String expected, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run(args), err.toString());
    assertEquals(expected + " (see --help)", err.toString().strip());
  }

  private String[] trainVectors(String... options) throws IOException {
    Path corpus = Files.writeString(directory.resolve("corpus.txt"), "the cat sat\n");
    List<String> args = new ArrayList<>(List.of("train-vectors", corpus.toString(), "-o",
        directory.resolve("v.bin").toString()));
    args.addAll(List.of(options));
    return args.toArray(new String[0]);
  }

  @Test
  void trainVectorsOptions() throws IOException {
    assertUsageError("seqnlp train-vectors: --dim must be in [1, 10000], not 100000000",
        trainVectors("--dim", "100000000"));
    assertUsageError("seqnlp train-vectors: --epochs must be in [1, 10000], not 0",
        trainVectors("--epochs", "0"));
    assertUsageError("seqnlp train-vectors: --window must be in [1, 1000], not -3",
        trainVectors("--window", "-3"));
    assertUsageError("seqnlp train-vectors: --negative must be in [1, 1000], not 0",
        trainVectors("--negative", "0"));
    assertUsageError("seqnlp train-vectors: --min-count must be an integer in [1, 2147483647], got 0",
        trainVectors("--min-count", "0"));
    assertUsageError("seqnlp train-vectors: --threads must be in [1, 256], not 100000",
        trainVectors("--threads", "100000"));
    assertUsageError("seqnlp train-vectors: --sample must be in [0, 1], not NaN",
        trainVectors("--sample", "NaN"));
    assertUsageError("seqnlp train-vectors: --learning-rate must be in (0, 10], not -0.5",
        trainVectors("--learning-rate", "-0.5"));
    assertUsageError("seqnlp train-vectors: --x-max must be in (0, 1000000000], not 0.0",
        trainVectors("--model", "glove", "--x-max", "0"));
    assertUsageError("seqnlp train-vectors: --epochs must be in [1, 10000], not 10001",
        trainVectors("--model", "cbow", "--epochs", "10001"));
  }

  @Test
  void nerOptions() throws IOException {
    Path data = ConllFixtures.conllFile(directory.resolve("data.txt"), 5, 1);
    String model = directory.resolve("model.bin").toString();
    assertUsageError("seqnlp eval-ner: --threads must be an integer in [0, 256], got 100000",
        "eval-ner", "--model", model, "--test", data.toString(), "--threads", "100000");
    assertUsageError("seqnlp eval-ner: --rounds must be an integer in [1, 1000], got 0",
        "eval-ner", "--model", model, "--test", data.toString(), "--rounds", "0");
  }

  @Test
  void expansionOptions() throws IOException {
    Path vectors = Files.writeString(directory.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertUsageError("seqnlp expand: --max-expansions must be an integer in [1, 1000], got 100000",
        "expand", "--vectors", vectors.toString(), "--max-expansions", "100000", "word");
    assertUsageError("seqnlp eval-ir: --max-expansions must be an integer in [1, 1000], got 100000",
        "eval-ir", "--vectors", vectors.toString(), "--max-expansions", "2,100000");
    assertUsageError("seqnlp eval-ir: --train-dimension must be an integer in [1, 10000], got 100000000",
        "eval-ir", "--vectors", vectors.toString(), "--train-dimension", "100000000");
    assertUsageError("seqnlp eval-ir: --train-ensemble must be an integer in [1, 16], got 17",
        "eval-ir", "--vectors", vectors.toString(), "--train-ensemble", "17");
    assertUsageError("seqnlp eval-ir: --train-ensemble 11: 11 trainings x 1000 dimensions are 11,000 dimensions, more"
        + " than the 10,000 of any trained vectors", "eval-ir", "--vectors", vectors.toString(), "--train-ensemble", "11",
        "--train-dimension", "1000");
    assertUsageError("seqnlp eval-ir: --seed 9223372036854775807 with --train-ensemble 2: the last seed,"
        + " 9223372036854775807 + 1, passes the largest, 9223372036854775807", "eval-ir", "--vectors",
        vectors.toString(), "--seed", String.valueOf(Long.MAX_VALUE), "--train-ensemble", "2");
    assertUsageError("seqnlp eval-vectors: --neighbour-count must be an integer in [1, 10000], got 0",
        "eval-vectors", vectors.toString(), "--neighbour-count", "0");
  }
}
