package org.seqnlp.eval.ner;

import java.util.Optional;
import java.util.OptionalDouble;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;

/**
 * A name-finder model with the name reports give it and where it came from, so a report never passes
 * off a loaded model's figures as measured in the run.
 *
 * @param origin how the model was made, e.g. the training settings, or the file it was loaded from
 * @param trainingSeconds wall time of training, measured in this run or recorded in the model; empty
 *     when unknown
 * @param trainedInThisRun false when the model was loaded from a file
 */
public record NamedModel(String name, TokenNameFinderModel model, String origin, OptionalDouble trainingSeconds,
    boolean trainedInThisRun) {

  /** Our network, whose batch API has its own rate; empty for any other kind of model. */
  public Optional<BiLstmCrfSequenceModel> biLstmCrf() {
    return model.getNameFinderSequenceModel() instanceof BiLstmCrfSequenceModel network
        ? Optional.of(network) : Optional.empty();
  }
}
