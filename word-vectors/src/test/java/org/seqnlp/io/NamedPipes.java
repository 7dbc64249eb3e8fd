package org.seqnlp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests of what a shell's {@code <(zcat file.gz)} gives a reader: a file without size or position. */
public final class NamedPipes {

  private NamedPipes() {
  }

  /** A pipe that must be read to its end while {@code content} is written into it; skips the test without mkfifo. */
  public static Writing withContent(Path pipe, byte[] content) throws IOException, InterruptedException {
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
        "mkfifo is not available here");
    Throwable[] failure = new Throwable[1];
    Thread writer = new Thread(() -> {
      try {
        Files.write(pipe, content);
      } catch (IOException | RuntimeException e) {
        failure[0] = e;
      }
    });
    writer.start();
    return new Writing(writer, failure);
  }

  /** The writing side; {@link #finish} waits for it once the reader is done and fails if it failed. */
  public record Writing(Thread writer, Throwable[] failure) {
    public void finish() throws InterruptedException {
      writer.join(60_000);
      if (writer.isAlive()) {
        throw new AssertionError("the pipe's writer is still writing a minute after the reader finished");
      }
      if (failure[0] != null) {
        throw new AssertionError("the pipe's writer failed", failure[0]);
      }
    }
  }
}
