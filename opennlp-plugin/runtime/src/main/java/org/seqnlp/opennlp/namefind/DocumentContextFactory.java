package org.seqnlp.opennlp.namefind;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.InvalidFormatException;

/**
 * The name-finder factory of models with {@link DocumentContext}: it stores the context in the model's
 * manifest ({@value DocumentContext#WEIGHT_ENTRY}, {@value DocumentContext#THRESHOLD_ENTRY}) and gives every
 * {@code NameFinderME} a {@link DocumentContextGenerator} with a {@link DocumentMemory} of its own, which
 * {@code clearAdaptiveData()} empties. The shared model stays immutable, so one model still serves many
 * threads with one {@code NameFinderME} each. Everything else is OpenNLP's {@code TokenNameFinderFactory}.
 *
 * <p>OpenNLP records this class in the manifest ({@code factory}) and instantiates it by name when loading,
 * through its extension loader (allow-list {@code org.seqnlp}); it then reads the context from the manifest.
 * Given to OpenNLP's trainer ({@code TokenNameFinderTrainer -factory
 * org.seqnlp.opennlp.namefind.DocumentContextFactory}) it stores {@link DocumentContext#DEFAULT}.
 */
public final class DocumentContextFactory extends TokenNameFinderFactory {

  /** Manifest entries that OpenNLP writes itself, which a copied model must not take from its original. */
  private static final Set<String> OPENNLP_ENTRIES = Set.of("Manifest-Version", "Language", "OpenNLP-Version",
      "Timestamp", "Component-Name", "factory", "sequenceCodecImplName");
  private static final String MANIFEST = "manifest.properties";

  /** The context of a model being built; a loaded model's comes from its manifest. */
  private final DocumentContext configured;

  /** With {@link DocumentContext#DEFAULT}: what OpenNLP instantiates by name. */
  public DocumentContextFactory() {
    this(DocumentContext.DEFAULT);
  }

  public DocumentContextFactory(DocumentContext context) {
    this.configured = Objects.requireNonNull(context, "context");
  }

  /**
   * A model that tags exactly as {@code model} does but with document context {@code context} ({@link
   * DocumentContext#OFF}: none): the same network (shared, not copied), codec and manifest entries, with this
   * factory. What a user sets at run time, and what is written when the setting is to travel in the file.
   *
   * @throws IllegalArgumentException when {@code model} is not a BiLSTM-CRF name finder
   */
  public static TokenNameFinderModel withDocumentContext(TokenNameFinderModel model, DocumentContext context) {
    return copy(model, sequenceModel(model, "document context"), context);
  }

  /**
   * {@code model} with its network replaced by {@code network}: the same codec, manifest entries and document
   * context, as when a model's embeddings are stored in fewer bits.
   *
   * @throws IllegalArgumentException when {@code model} is not a BiLSTM-CRF name finder
   */
  public static TokenNameFinderModel withNetwork(TokenNameFinderModel model, BiLstmCrfSequenceModel network) {
    sequenceModel(model, "a network of its own");
    DocumentContext context = model.getFactory() instanceof DocumentContextFactory factory
        ? factory.documentContext() : DocumentContext.OFF;
    return copy(model, network, context);
  }

  private static BiLstmCrfSequenceModel sequenceModel(TokenNameFinderModel model, String what) {
    if (!(model.getNameFinderSequenceModel() instanceof BiLstmCrfSequenceModel network)) {
      throw new IllegalArgumentException(what + " needs a SeqNLP BiLSTM-CRF name finder, not a model of "
          + model.getNameFinderSequenceModel().getClass().getName());
    }
    return network;
  }

  private static TokenNameFinderModel copy(TokenNameFinderModel model, BiLstmCrfSequenceModel network,
      DocumentContext context) {
    Properties manifest = model.getArtifact(MANIFEST);
    Map<String, String> kept = new HashMap<>();
    for (String name : manifest.stringPropertyNames()) {
      if (!OPENNLP_ENTRIES.contains(name) && !name.startsWith("serializer-class-")
          && !name.equals(DocumentContext.WEIGHT_ENTRY) && !name.equals(DocumentContext.THRESHOLD_ENTRY)) {
        kept.put(name, manifest.getProperty(name));
      }
    }
    return new TokenNameFinderModel(model.getLanguage(), network, null, Map.of(), kept,
        model.getFactory().createSequenceCodec(), new DocumentContextFactory(context));
  }

  /** The document context of the model this factory belongs to. */
  public DocumentContext documentContext() {
    if (artifactProvider == null) {
      return configured;
    }
    try {
      return DocumentContext.fromManifest(artifactProvider::getManifestProperty);
    } catch (InvalidFormatException e) {
      // validateArtifactMap() rejected such a model when it was loaded or built.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public Map<String, String> createManifestEntries() {
    Map<String, String> entries = new HashMap<>(super.createManifestEntries());
    entries.putAll(configured.manifestEntries());
    return entries;
  }

  @Override
  public void validateArtifactMap() throws InvalidFormatException {
    super.validateArtifactMap();
    BiLstmCrfSequenceModel.requireBioCodec(artifactProvider.getArtifact(BiLstmCrfModelSerializer.SOURCE),
        createSequenceCodec());
    DocumentContext.fromManifest(artifactProvider::getManifestProperty);
  }

  /** OpenNLP's context generator with a new, empty document memory beside it when the context is on. */
  @Override
  public NameContextGenerator createContextGenerator() {
    NameContextGenerator features = super.createContextGenerator();
    DocumentContext context = documentContext();
    if (!context.isOn() || !(artifactProvider instanceof TokenNameFinderModel model)) {
      return features;
    }
    return new DocumentContextGenerator(features,
        new DocumentMemory(context, model.getNameFinderSequenceModel().getOutcomes()));
  }
}
