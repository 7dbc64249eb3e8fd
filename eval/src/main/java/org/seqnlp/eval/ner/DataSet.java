package org.seqnlp.eval.ner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;

/** A labelled data file held in memory, so every model sees exactly the same sentences. */
public record DataSet(Path file, List<NameSample> samples) {

  public DataSet {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(file + ": no sentences");
    }
    samples = List.copyOf(samples);
  }

  /** These sentences with only the names {@code types} scores, renamed as it says. */
  public DataSet scoring(ScoredTypes types) {
    return new DataSet(file, samples.stream().map(sample -> new NameSample(sample.getId(), sample.getSentence(),
        types.labelled(sample.getNames()), sample.getAdditionalContext(), sample.isClearAdaptiveDataSet())).toList());
  }

  /** The file name, which names the data set in reports. */
  public String name() {
    return String.valueOf(file.getFileName());
  }

  public int sentenceCount() {
    return samples.size();
  }

  public long tokenCount() {
    return samples.stream().mapToLong(sample -> sample.getSentence().length).sum();
  }

  public long entityCount() {
    return samples.stream().mapToLong(sample -> sample.getNames().length).sum();
  }

  /** The token arrays, for the batch API. */
  public List<String[]> sentences() {
    return samples.stream().map(NameSample::getSentence).toList();
  }

  /**
   * The documents of labelled data: a document starts at every sample that clears adaptive data (a
   * {@code -DOCSTART-} in CoNLL files), and at the first.
   */
  public static List<List<NameSample>> documents(List<NameSample> samples) {
    List<List<NameSample>> documents = new ArrayList<>();
    for (NameSample sample : samples) {
      if (documents.isEmpty() || sample.isClearAdaptiveDataSet()) {
        documents.add(new ArrayList<>());
      }
      documents.get(documents.size() - 1).add(sample);
    }
    return documents;
  }
}
