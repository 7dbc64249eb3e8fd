package org.seqnlp.vectors.train;

import org.seqnlp.progress.Progress;

/**
 * Opens the progress report of a training phase: {@code Progress::start} to show it,
 * {@code Progress::silent} for none.
 */
@FunctionalInterface
public interface ProgressFactory {
  Progress start(String task, long total, String unit);
}
