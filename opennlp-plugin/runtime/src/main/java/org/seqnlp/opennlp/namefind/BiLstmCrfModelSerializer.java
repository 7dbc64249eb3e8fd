package org.seqnlp.opennlp.namefind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import opennlp.tools.util.model.ArtifactSerializer;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;

/**
 * Reads and writes the {@code nameFinder.model} entry of a {@code TokenNameFinderModel} zip that holds
 * a {@link BiLstmCrfSequenceModel}, in {@link BiLstmCrfNetworkFormat}. OpenNLP records this class in
 * the model's manifest ({@code serializer-class-nameFinder.model}) and instantiates it by name when
 * loading, through its extension loader; see the package documentation for the allow-list.
 */
public final class BiLstmCrfModelSerializer implements ArtifactSerializer<BiLstmCrfSequenceModel> {

  /**
   * How errors name the artifact, the zip entry: OpenNLP does not tell a serializer which file it reads, so
   * {@link NameFinderModels#load} puts the file name in front.
   */
  static final String SOURCE = "nameFinder.model";

  @Override
  public BiLstmCrfSequenceModel create(InputStream in) throws IOException {
    return new BiLstmCrfSequenceModel(BiLstmCrfNetworkFormat.read(in, SOURCE));
  }

  @Override
  public void serialize(BiLstmCrfSequenceModel artifact, OutputStream out) throws IOException {
    BiLstmCrfNetworkFormat.write(artifact.network(), out);
  }
}
