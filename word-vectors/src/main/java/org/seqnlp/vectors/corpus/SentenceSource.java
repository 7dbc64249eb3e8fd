package org.seqnlp.vectors.corpus;

import java.io.IOException;
import java.util.List;

/**
 * Text a trainer reads as sentences of words, whatever holds it: {@link Corpus} reads files; modules
 * with more dependencies add other sources (a search index's stored field) without this module
 * depending on them.
 */
public interface SentenceSource {

  /** Receives the words of one sentence. */
  @FunctionalInterface
  interface SentenceHandler {
    void accept(List<String> words) throws IOException;
  }

  /**
   * Calls {@code handler} with the words of every sentence that has any, in the same order on every
   * call. A context window never crosses from one sentence into the next.
   */
  void forEachSentence(SentenceHandler handler) throws IOException;
}
