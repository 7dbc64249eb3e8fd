package org.seqnlp.opennlp.formats;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/** Tokens, sentences, documents and entities per type of a data set, as counted while reading it. */
public final class CorpusCounts {

  private long tokens;
  private long sentences;
  private long documents;
  private final SortedMap<String, Long> entities = new TreeMap<>();

  /** Counts one sentence of {@code length} tokens. */
  public void addSentence(int length) {
    sentences++;
    tokens += length;
  }

  /** Counts the sentence and the entities of {@code sample} (not its document start: formats differ). */
  public void add(NameSample sample) {
    addSentence(sample.getSentence().length);
    for (Span name : sample.getNames()) {
      entities.merge(name.getType(), 1L, Long::sum);
    }
  }

  public void addDocuments(long count) {
    documents += count;
  }

  public long tokens() {
    return tokens;
  }

  public long sentences() {
    return sentences;
  }

  public long documents() {
    return documents;
  }

  /** The number of entities of every type seen, by type name. */
  public SortedMap<String, Long> entitiesByType() {
    return Collections.unmodifiableSortedMap(entities);
  }

  public long entities() {
    return entities.values().stream().mapToLong(Long::longValue).sum();
  }
}
