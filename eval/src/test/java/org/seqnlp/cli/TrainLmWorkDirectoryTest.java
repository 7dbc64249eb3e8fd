package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-lm --work-dir}: a work directory that cannot take checkpoints is refused before training. */
class TrainLmWorkDirectoryTest extends ToolTest {

  @TempDir
  Path directory;

  private Path text() throws IOException {
    return Files.writeString(directory.resolve("train.txt"), "the cat sat on the mat\nthe dog sat on the log\n"
        .repeat(20));
  }

  private int train(Path workDirectory) throws IOException {
    return train(workDirectory, directory.resolve("lm.zip"));
  }

  private int train(Path workDirectory, Path output) throws IOException {
    return run("train-lm", "--train", text().toString(), "-o", output.toString(),
        "--work-dir", workDirectory.toString(), "--hidden-size", "4", "--embedding-size", "4", "--batch-size", "2",
        "--bptt", "4", "--epochs", "1", "--threads", "1");
  }

  private void assertRefusedBeforeTraining(String expected) {
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertEquals(expected, err.toString().strip());
    assertEquals("", out.toString(), "nothing was trained");
    assertTrue(Files.notExists(directory.resolve("lm.zip")));
  }

  @Test
  void aCheckpointPathThatIsADirectoryIsRefusedBeforeTraining() throws IOException {
    Path work = Files.createDirectories(directory.resolve("work").resolve("checkpoint.bin")).getParent();
    assertEquals(SeqNlp.EXIT_USAGE, train(work), err.toString());
    assertRefusedBeforeTraining("seqnlp train-lm: error: " + work.resolve("checkpoint.bin")
        + ": is a directory, not a file to write");
  }

  @Test
  void aWorkDirectoryThatCannotBeCreatedIsAUsageError() throws IOException {
    Path file = Files.writeString(directory.resolve("file"), "x");
    Path work = file.resolve("work");
    assertEquals(SeqNlp.EXIT_USAGE, train(work), err.toString());
    assertRefusedBeforeTraining("seqnlp train-lm: error: " + work + ": Not a directory");
  }

  @Test
  void aCheckpointLinkedToTheTrainingFileIsRefused() throws IOException {
    Path train = text();
    Path work = Files.createDirectories(directory.resolve("work"));
    Files.createSymbolicLink(work.resolve("checkpoint.bin"), train);
    assertEquals(SeqNlp.EXIT_USAGE, train(work), err.toString());
    assertTrue(err.toString().contains(": is also an input (" + train + ")"), err.toString());
  }

  /** The model written over the checkpoint, or over the best model, would leave the next resume nothing to read. */
  @Test
  void anOutputThatIsAFileOfTheWorkDirectoryIsRefusedBeforeTraining() throws IOException {
    Path work = Files.createDirectories(directory.resolve("work"));
    for (String file : new String[] {"checkpoint.bin", "best.zip"}) {
      err.getBuffer().setLength(0);
      assertEquals(SeqNlp.EXIT_USAGE, train(work, work.resolve(file)), file + ": " + err);
      assertRefusedBeforeTraining("seqnlp train-lm: error: " + work.resolve(file) + ": is also an input ("
          + work.resolve(file) + "); writing it would destroy the input");
      assertTrue(Files.notExists(work.resolve(file)), file);
    }
  }
}
