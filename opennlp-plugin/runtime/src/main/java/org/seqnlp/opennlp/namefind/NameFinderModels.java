package org.seqnlp.opennlp.namefind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.InvalidFormatException;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

/**
 * Loads name-finder model zips ({@link TokenNameFinderModel}) from untrusted sources, checked by
 * {@link OpenNlpModelFiles} before OpenNLP parses them, and lets OpenNLP's extension loader (an allow-list
 * since OpenNLP 2.5.9) instantiate the SeqNLP classes a model's manifest names. Works on OpenNLP 2.x and on the
 * 1.9.4 that Solr 9 bundles, which has no allow-list.
 */
public final class NameFinderModels {

  private NameFinderModels() {
  }

  /**
   * Checks and loads the model {@code file}.
   *
   * @throws InputFormatException naming the file (or {@code file!entry}) and the byte offset when the
   *     zip is damaged or passes a limit
   */
  public static TokenNameFinderModel load(Path file) throws IOException {
    prepare();
    return OpenNlpModelFiles.load(file, NameFinderModels::parse);
  }

  /** As {@link #load(Path)} for a model's bytes; {@code source} names it in errors. */
  public static TokenNameFinderModel load(byte[] model, String source) throws IOException {
    prepare();
    return OpenNlpModelFiles.load(model, source, NameFinderModels::parse);
  }

  /**
   * Opens the allow-list, and checks the token-cache setting here, where its error is not taken for one of the
   * model file's.
   */
  private static void prepare() {
    ExtensionAllowList.allowSeqNlp();
    BiLstmCrfNetwork.configuredTokenCache();
  }

  /**
   * OpenNLP's parse, and its feature generators built once: OpenNLP reads a model's {@code generator.featuregen}
   * only when a {@code NameFinderME} is made, where a damaged descriptor could not be traced to the file. The codec
   * is checked for every factory ({@link DocumentContextFactory} checks it wherever a model of its own is loaded).
   */
  private static TokenNameFinderModel parse(InputStream in) throws IOException {
    TokenNameFinderModel model = new TokenNameFinderModel(in);
    BiLstmCrfSequenceModel.requireBioCodec(model.getNameFinderSequenceModel(), model.getFactory()
        .createSequenceCodec());
    requireContextFactory(model);
    model.getFactory().createContextGenerator();
    return model;
  }

  /** Document-context entries under another factory would be ignored, and the model tag without the context. */
  private static void requireContextFactory(TokenNameFinderModel model) throws InvalidFormatException {
    for (String entry : new String[] {DocumentContext.WEIGHT_ENTRY, DocumentContext.THRESHOLD_ENTRY}) {
      if (model.getManifestProperty(entry) != null && !(model.getFactory() instanceof DocumentContextFactory)) {
        throw new InvalidFormatException("manifest.properties: " + entry + " is set, but the factory "
            + model.getFactory().getClass().getName() + " ignores it; the document context needs factory="
            + DocumentContextFactory.class.getName());
      }
    }
  }
}
