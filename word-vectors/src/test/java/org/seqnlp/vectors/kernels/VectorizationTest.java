package org.seqnlp.vectors.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Probe.class.getName())).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("vectorized false"), output);
    assertTrue(output.contains("--add-modules jdk.incubator.vector"), output);
  }

  /** Run in a JVM of its own by the test above. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("vectorized " + Vectorization.kernels().isVectorized());
    }
  }
}
