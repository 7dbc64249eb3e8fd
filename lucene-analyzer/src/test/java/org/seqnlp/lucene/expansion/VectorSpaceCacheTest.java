package org.seqnlp.lucene.expansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

class VectorSpaceCacheTest {

  @TempDir
  Path directory;

  private Path writeVehicles(String name) throws IOException {
    Path file = directory.resolve(name);
    VectorFiles.write(ExpansionFixtures.vehicles(), file, VectorFormat.WORD2VEC_BINARY);
    return file;
  }

  @Test
  void sharesOneLoadPerRealPath() throws IOException {
    Path file = writeVehicles("v.bin");
    Files.createDirectories(directory.resolve("sub"));
    VectorSpace first = VectorSpaceCache.forFile(file, null);
    assertSame(first, VectorSpaceCache.forFile(directory.resolve("sub/../v.bin"), null));
    Path link = Files.createSymbolicLink(directory.resolve("link.bin"), file);
    assertSame(first, VectorSpaceCache.forFile(link, null));
  }

  @Test
  void concurrentRequestsLoadOnce() throws Exception {
    Path file = writeVehicles("concurrent.bin");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<VectorSpace>> spaces = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        spaces.add(pool.submit((Callable<VectorSpace>) () -> VectorSpaceCache.forFile(file, null)));
      }
      for (Future<VectorSpace> space : spaces) {
        assertSame(spaces.get(0).get(), space.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void reloadsAFileThatChanged() throws IOException {
    Path file = writeVehicles("changing.bin");
    VectorSpace before = VectorSpaceCache.forFile(file, null);
    WordVectors other = new WordVectors(List.of("alpha", "beta"), 3, new float[] {1, 0, 0, 1, 0.1f, 0});
    VectorFiles.write(other, file, VectorFormat.WORD2VEC_BINARY);
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
    VectorSpace after = VectorSpaceCache.forFile(file, null);
    assertNotSame(before, after);
    assertEquals("beta", after.search().nearest("alpha", 1, 0.5f).get(0).word());
    assertSame(after, VectorSpaceCache.forFile(file, null));
  }

  @Test
  void reloadsAFileReplacedByARenameWithTheSameSizeAndModificationTime() throws IOException {
    Path file = Files.writeString(directory.resolve("replaced.txt"), ExpansionFixtures.vehiclesText());
    VectorSpace before = VectorSpaceCache.forFile(file, null);
    Path update = Files.writeString(directory.resolve("update.txt"),
        ExpansionFixtures.vehiclesText().replace("car ", "cab "));
    Files.setLastModifiedTime(update, Files.getLastModifiedTime(file));
    assertEquals(Files.size(file), Files.size(update));
    Files.move(update, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    VectorSpace after = VectorSpaceCache.forFile(file, null);
    assertNotSame(before, after);
    assertFalse(after.search().vectors().contains("car"));
    assertTrue(after.search().vectors().contains("cab"));
  }

  /** The format detected is the format named: one space; read in another format, the file is other vectors. */
  @Test
  void keysFilesByTheFormatTheyAreReadIn() throws IOException {
    Path file = writeVehicles("format.bin");
    assertSame(VectorSpaceCache.forFile(file, null), VectorSpaceCache.forFile(file, VectorFormat.WORD2VEC_BINARY));
    // one word of one dimension in word2vec text, which its first line declares; two words in GloVe
    Path both = Files.writeString(directory.resolve("both.txt"), "1 1\nb 2\n");
    VectorSpace detected = VectorSpaceCache.forFile(both, null);
    assertSame(detected, VectorSpaceCache.forFile(both, VectorFormat.WORD2VEC_TEXT));
    VectorSpace glove = VectorSpaceCache.forFile(both, VectorFormat.GLOVE);
    assertNotSame(detected, glove);
    assertEquals(2, glove.search().vectors().size());
  }

  @Test
  void sharesResourcesPerLoaderAndName() throws IOException {
    MapResourceLoader loader = new MapResourceLoader().with("v.txt", ExpansionFixtures.vehiclesText());
    MapResourceLoader otherLoader = new MapResourceLoader().with("v.txt", ExpansionFixtures.vehiclesText());
    VectorSpace first = VectorSpaceCache.forResource(loader, "v.txt", null);
    assertSame(first, VectorSpaceCache.forResource(loader, "v.txt", null));
    assertNotSame(first, VectorSpaceCache.forResource(otherLoader, "v.txt", null));
  }

  @Test
  void failedLoadsLeaveNoEntries() throws IOException {
    int before = VectorSpaceCache.size();
    Path bad = Files.writeString(directory.resolve("bad.txt"), "not vectors\n");
    for (int i = 0; i < 10; i++) {
      VectorSpaceCache.NotOpened notOpened = assertThrows(VectorSpaceCache.NotOpened.class,
          () -> VectorSpaceCache.forResource(new MapResourceLoader(), "missing.txt", null));
      assertEquals("Resource not found: missing.txt", notOpened.getCause().getMessage());
      MapResourceLoader broken = new MapResourceLoader().with("broken.txt", "1 2\ncar 1\n");
      assertThrows(InputFormatException.class, () -> VectorSpaceCache.forResource(broken, "broken.txt", null));
      assertThrows(InputFormatException.class, () -> VectorSpaceCache.forFile(bad, null));
    }
    assertTrue(VectorSpaceCache.size() <= before, "entries left by failed loads");
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aLoadThatWaitedForOneThatFailedIsKeptForTheNextCaller() throws Exception {
    java.util.concurrent.CountDownLatch opening = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch fail = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
    org.apache.lucene.util.ResourceLoader loader = new org.apache.lucene.util.ResourceLoader() {
      @Override
      public java.io.InputStream openResource(String resource) throws IOException {
        if (opens.getAndIncrement() == 0) {
          opening.countDown();
          try {
            fail.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IOException("first open fails");
        }
        return new java.io.ByteArrayInputStream(
            ExpansionFixtures.vehiclesText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }

      @Override
      public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        throw new UnsupportedOperationException();
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> failing = pool.submit(() -> VectorSpaceCache.forResource(loader, "v.txt", null));
      opening.await();
      Future<VectorSpace> waiting = pool.submit(() -> VectorSpaceCache.forResource(loader, "v.txt", null));
      Thread.sleep(200); // the second caller now waits for the first's lock
      fail.countDown();
      assertThrows(java.util.concurrent.ExecutionException.class, failing::get);
      assertSame(waiting.get(), VectorSpaceCache.forResource(loader, "v.txt", null));
      assertEquals(2, opens.get(), "the file is opened once more after the failure, not twice");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void doesNotKeepSpacesNoOneUses() throws Exception {
    Path file = writeVehicles("abandoned.bin");
    WeakReference<VectorSpace> abandoned = new WeakReference<>(VectorSpaceCache.forFile(file, null));
    for (int attempt = 0; attempt < 50 && abandoned.get() != null; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(abandoned.get(), "the cache must not hold vectors strongly");
  }

  @Test
  void tableIsBuiltOnceAndReusedForSmallerK() throws IOException {
    VectorSpace space = VectorSpaceCache.forFile(writeVehicles("table.bin"), null);
    assertSame(space.table(3), space.table(2));
    assertNotSame(space.table(3), space.table(5));
  }
}
