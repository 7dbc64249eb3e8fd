package org.seqnlp.vectors.train;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Runs one task per worker thread and waits for all; the first failure is rethrown in the caller. */
final class Workers {

  private Workers() {
  }

  /** Runs {@code task.accept(worker)} for worker 0 to {@code count - 1}, each on its own thread. */
  static void run(String name, int count, IntConsumer task) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[count];
    for (int worker = 0; worker < count; worker++) {
      int index = worker;
      threads[worker] = new Thread(() -> {
        try {
          task.accept(index);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, name + "-" + worker);
      threads[worker].start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      for (Thread thread : threads) {
        thread.interrupt();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    }
    Throwable first = failure.get();
    if (first instanceof RuntimeException) {
      throw (RuntimeException) first;
    }
    if (first instanceof Error) {
      throw (Error) first;
    }
    if (first != null) {
      throw new IllegalStateException(name + " failed", first);
    }
  }
}
