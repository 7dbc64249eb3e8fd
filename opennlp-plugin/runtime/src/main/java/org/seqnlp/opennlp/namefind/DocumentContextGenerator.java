package org.seqnlp.opennlp.namefind;

import java.util.Objects;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * The context generator of a {@code NameFinderME} whose model has document context: OpenNLP's own generator
 * (the model's feature generators, which our network does not use) with a {@link DocumentMemory} beside it.
 * {@code NameFinderME} makes one for itself and passes it to {@link BiLstmCrfSequenceModel#bestSequence}
 * with every sentence, so the memory is per finder, and its {@code updateAdaptiveData} and {@code
 * clearAdaptiveData} calls, which users already make at document ends, reach the memory.
 */
public final class DocumentContextGenerator implements NameContextGenerator {

  private final NameContextGenerator features;
  private final DocumentMemory memory;

  public DocumentContextGenerator(NameContextGenerator features, DocumentMemory memory) {
    this.features = Objects.requireNonNull(features, "features");
    this.memory = Objects.requireNonNull(memory, "memory");
  }

  public DocumentMemory memory() {
    return memory;
  }

  @Override
  public String[] getContext(int index, String[] sequence, String[] priorDecisions, Object[] additionalContext) {
    return features.getContext(index, sequence, priorDecisions, additionalContext);
  }

  @Override
  public void addFeatureGenerator(AdaptiveFeatureGenerator generator) {
    features.addFeatureGenerator(generator);
  }

  /** Called with a sentence's final outcomes: remembers the labels the model decoded for these tokens. */
  @Override
  public void updateAdaptiveData(String[] tokens, String[] outcomes) {
    features.updateAdaptiveData(tokens, outcomes);
    memory.commit(tokens);
  }

  @Override
  public void clearAdaptiveData() {
    features.clearAdaptiveData();
    memory.clear();
  }
}
