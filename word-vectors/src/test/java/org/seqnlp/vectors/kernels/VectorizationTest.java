package org.seqnlp.vectors.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.seqnlp.vectors.kernels.Vectorization.VECTOR_MODULE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VectorizationTest {

  @Test
  void choosesTheSimdKernelsWhenTheyCanRun() {
    assertSame(Vectorization.simd().orElse(Vectorization.scalar()), Vectorization.kernels());
    assertEquals(Vectorization.simd().isPresent(), Vectorization.kernels().isVectorized());
    assertFalse(Vectorization.scalar().isVectorized());
  }

  @Test
  void theModuleIsEnabledInTheseTestsAsTheLauncherEnablesIt() {
    assertTrue(ModuleLayer.boot().findModule(Vectorization.VECTOR_MODULE).isPresent(),
        "the build's surefire argLine adds " + Vectorization.VECTOR_MODULE);
  }

  /** A JVM started without the module falls back to plain Java and says how to enable SIMD. */
  @Test
  void withoutTheModuleThePlainKernelsRunAndTheWarningNamesTheOption() throws IOException, InterruptedException {
    String output = probe();
    assertTrue(output.contains("vectorized false"), output);
    assertTrue(output.contains("--add-modules jdk.incubator.vector"), output);
  }

  @Test
  void theSystemPropertyNarrowsTheVectorsTo256Bits() throws IOException, InterruptedException {
    assumeTrue(Vectorization.simd().isPresent(), Vectorization.describe());
    String output = probe("--add-modules", VECTOR_MODULE, "-Dseqnlp.vectorBits=256");
    assertTrue(output.contains("vectorized true"), output);
    assertTrue(output.contains("256-bit vectors"), output);
  }

  /** A width the machine lacks is refused with one warning naming the property, never a wrong kernel. */
  @Test
  void aWidthTheMachineLacksRunsThePlainKernelsAndTheWarningNamesTheProperty()
      throws IOException, InterruptedException {
    assumeTrue(Vectorization.simd().isPresent(), Vectorization.describe());
    for (String bits : new String[] {"128", "384", "4096", "wide"}) {
      String output = probe("--add-modules", VECTOR_MODULE, "-Dseqnlp.vectorBits=" + bits);
      assertTrue(output.contains("vectorized false"), output);
      assertTrue(output.contains("seqnlp.vectorBits=" + bits + " is not a width"), output);
    }
  }

  /** The output of {@link Probe} in a JVM of its own, started with {@code options}. */
  private static String probe(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** Run in a JVM of its own by the tests above. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("vectorized " + Vectorization.kernels().isVectorized() + ", " + Vectorization.describe());
    }
  }
}
