package org.seqnlp.opennlp.lm.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs one task per share of the work on a fixed set of threads, the first share on the calling thread
 * (whose CPU time the trainer measures), and waits for all of them.
 */
final class WorkerPool implements AutoCloseable {

  private final int workers;
  private final ExecutorService pool;

  WorkerPool(int workers) {
    this.workers = workers;
    this.pool = workers < 2 ? null : Executors.newFixedThreadPool(workers - 1, task -> {
      Thread thread = new Thread(task, "lm-training");
      thread.setDaemon(true);
      return thread;
    });
  }

  int workers() {
    return workers;
  }

  /** Runs {@code task} for every worker index, returning when all are done. */
  void runAll(IntConsumer task) {
    List<Future<?>> pending = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      int worker = w;
      pending.add(pool.submit(() -> task.accept(worker)));
    }
    task.accept(0);
    try {
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
