package org.seqnlp.opennlp.models;

import opennlp.tools.util.BaseToolFactory;

/** A factory OpenNLP makes for any model without complaint, and that belongs to no component. */
public final class UnrelatedToolFactory extends BaseToolFactory {

  @Override
  public void validateArtifactMap() {
  }
}
