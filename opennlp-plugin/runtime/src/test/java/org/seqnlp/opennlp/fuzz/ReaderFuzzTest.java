package org.seqnlp.opennlp.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

/**
 * Mutation fuzzing of every reader the project owns: each mutated input must either read or fail with
 * an {@link InputFormatException} (a one-line message naming the file and the position), never another
 * exception, never an {@link Error} such as {@code OutOfMemoryError}, never a hang.
 *
 * <p>The default run replays the committed regression inputs in {@code src/test/resources/fuzz/<target>}
 * and {@value #DEFAULT_ITERATIONS} mutations per target (seconds). A long run, printing nothing unless
 * it finds something, with the failing inputs written to {@code target/fuzz-failures}:
 * <pre>
 * mvn -B -o test -pl opennlp-plugin/runtime -am -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dseqnlp.fuzz.iterations=20000 -Dseqnlp.fuzz.seed=7
 * </pre>
 * Add each input such a run finds to the regression folder once its bug is fixed.
 */
class ReaderFuzzTest {

  private static final int DEFAULT_ITERATIONS = 300;
  private static final Duration PER_INPUT = Duration.ofSeconds(20);

  @TempDir
  Path directory;

  @TestFactory
  Stream<DynamicTest> everyReaderFailsCleanlyOnMutatedInput() throws IOException {
    int iterations = Integer.getInteger("seqnlp.fuzz.iterations", DEFAULT_ITERATIONS);
    long seed = Long.getLong("seqnlp.fuzz.seed", 1);
    List<DynamicTest> tests = new ArrayList<>();
    for (FuzzTarget target : FuzzTargets.all()) {
      tests.add(DynamicTest.dynamicTest(target.name(), () -> fuzz(target, iterations, seed)));
    }
    return tests.stream();
  }

  private void fuzz(FuzzTarget target, int iterations, long seed) throws IOException {
    for (Path regression : regressionInputs(target)) {
      check(target, Files.readAllBytes(regression), regression.getFileName().toString());
    }
    for (byte[] valid : target.seeds()) {
      check(target, valid, "seed");
    }
    Mutator mutator = new Mutator(seed * 31 + target.name().hashCode());
    for (int i = 0; i < iterations; i++) {
      byte[] parent = target.seeds().get(i % target.seeds().size());
      check(target, mutator.mutate(parent), "mutation " + i);
    }
  }

  private void check(FuzzTarget target, byte[] input, String what) throws IOException {
    Path file = directory.resolve(target.name() + target.fileSuffix());
    Files.write(file, input);
    try {
      assertTimeoutPreemptively(PER_INPUT, () -> {
        try {
          target.reader().read(file);
        } catch (InputFormatException expected) {
          if (expected.getMessage().contains("\n") || !expected.getMessage().startsWith(file.toString())) {
            throw new AssertionError("not one line naming the file: " + expected.getMessage());
          }
        }
      }, () -> target.name() + " " + what + ": no result within " + PER_INPUT);
    } catch (Throwable failure) {
      Path saved = saveFailure(target, input, what);
      fail(target.name() + " " + what + " (input saved to " + saved + "): " + failure, failure);
    }
  }

  private static Path saveFailure(FuzzTarget target, byte[] input, String what) throws IOException {
    Path folder = Path.of("target", "fuzz-failures", target.name());
    Files.createDirectories(folder);
    return Files.write(folder.resolve(what.replace(' ', '-') + target.fileSuffix()), input);
  }

  private static List<Path> regressionInputs(FuzzTarget target) throws IOException {
    URL folder = ReaderFuzzTest.class.getResource("/fuzz/" + target.name());
    if (folder == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.sorted().toList();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
