package org.seqnlp.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final AtomicLong clock = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logModePrintsPlainLinesAtMostEveryTenSeconds() {
    Progress progress = new Progress("training", 1000, "words", out, false, clock::get);
    clock.set(1_000_000_000L);
    progress.advance(100);
    assertEquals("", output(), "nothing before the interval has passed");

    clock.set(10_000_000_000L);
    progress.advance(100);
    assertEquals("training:  20.0% 200 words, 20 words/s, ETA 40s\n", output());

    clock.set(15_000_000_000L);
    progress.advance(100);
    assertEquals(1, output().lines().count(), "no second line within the interval");
  }

  @Test
  void closePrintsTheTotalAndElapsedTimeOnce() {
    Progress progress = new Progress("training", 1000, "words", out, false, clock::get);
    progress.advance(1000);
    clock.set(4_000_000_000L);
    progress.close();
    progress.close();
    assertEquals("training: 100.0% 1,000 words, 250 words/s, 4s\n", output());
  }

  @Test
  void terminalModeRedrawsABarInPlace() {
    Progress progress = new Progress("reading", 100, "lines", out, true, clock::get);
    clock.set(1_000_000_000L);
    progress.advance(50);
    String line = output();
    assertTrue(line.startsWith("\rreading: [###############               ]  50.0% 50 lines, 50 lines/s, ETA 1s"),
        line);
    assertTrue(line.endsWith("\u001b[K"), "clears the rest of the line");
  }

  @Test
  void unknownTotalShowsCountAndRateWithoutEta() {
    Progress progress = new Progress("counting", 0, "words", out, false, clock::get);
    clock.set(10_000_000_000L);
    progress.advance(500);
    assertEquals("counting: 500 words, 50 words/s\n", output());
  }

  @Test
  void advanceIsSafeFromManyThreads() throws InterruptedException {
    Progress progress = Progress.silent("counting", 0, "words");
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          progress.advance(1);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(80_000, progress.done());
  }

  @Test
  void formatsDurations() {
    assertEquals("59s", Progress.formatDuration(59.4));
    assertEquals("2m05s", Progress.formatDuration(125));
    assertEquals("1h01m", Progress.formatDuration(3665));
  }
}
