package org.seqnlp.eval.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;

/**
 * Trains the two name finders of the comparison the way their tools do, through OpenNLP's own
 * {@code NameFinderME.train}, and times it.
 */
public final class NameFinderTraining {

  public static final String NAME_FINDER_ME = "OpenNLP NameFinderME";
  public static final String BILSTM_CRF = "BiLSTM-CRF (ours)";
  private static final String OUR_PACKAGE = "org.seqnlp.";

  private NameFinderTraining() {
  }

  /**
   * NameFinderME as {@code opennlp TokenNameFinderTrainer} trains it without {@code -params}: empty
   * training parameters, which {@code NameFinderME.train} completes with its own defaults (perceptron,
   * 300 iterations, cutoff 0; {@code TrainingParameters.defaultParams()} would be maxent instead), the
   * default feature generator and the BIO codec. This is how the 82.49 baseline of the model card was
   * trained.
   */
  public static NamedModel nameFinderMe(String language, List<NameSample> samples) throws IOException {
    TrainingParameters parameters = new TrainingParameters();
    TokenNameFinderFactory factory = TokenNameFinderFactory.create(null, null, new HashMap<>(), new BioCodec());
    long started = System.nanoTime();
    TokenNameFinderModel model = train(language, samples, parameters, factory);
    double seconds = secondsSince(started);
    // NameFinderME.train has written the defaults it used into the parameters.
    return new NamedModel(NAME_FINDER_ME, model, "trained in this run with the defaults of OpenNLP's"
        + " TokenNameFinderTrainer (no -params file: " + describe(parameters.getObjectSettings())
        + ", default features, BIO codec)", OptionalDouble.of(seconds), true);
  }

  /**
   * Our BiLSTM-CRF, trained with {@code parameters} that name {@link BiLstmCrfSequenceTrainer}. Allow-lists
   * our package first: OpenNLP 2.5.9+ instantiates no trainer outside its allow-list.
   */
  public static NamedModel biLstmCrf(String language, List<NameSample> samples, TrainingParameters parameters)
      throws IOException {
    ExtensionLoader.registerAllowedPackage(OUR_PACKAGE);
    // Described before training: NameFinderME.train adds its perceptron defaults, which our trainer ignores.
    String settings = describe(parameters.getObjectSettings()) + "; in effect: "
        + TrainingSettings.from(parameters).toString().replaceFirst("^\\w+\\[(.*)]$", "$1");
    long started = System.nanoTime();
    TokenNameFinderModel model = train(language, samples, parameters, new TokenNameFinderFactory());
    return new NamedModel(BILSTM_CRF, model, "trained in this run with " + settings,
        OptionalDouble.of(secondsSince(started)), true);
  }

  /**
   * A model loaded from {@code file}; its training time is the one the trainer recorded in the model's
   * manifest, when it did.
   */
  public static NamedModel loaded(Path file, TokenNameFinderModel model) {
    OptionalDouble recorded = recordedTrainingSeconds(model);
    return new NamedModel(BILSTM_CRF, model, "loaded from " + file + ", not trained in this run ("
        + (recorded.isPresent() ? "training time as recorded in the model" : "the model records no training time")
        + ")", recorded, false);
  }

  /** The training time our trainer records in the manifest of the models it trains. */
  public static OptionalDouble recordedTrainingSeconds(TokenNameFinderModel model) {
    String value = model.getManifestProperty(BiLstmCrfSequenceTrainer.TRAINING_SECONDS_MANIFEST_ENTRY);
    try {
      return value == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static TokenNameFinderModel train(String language, List<NameSample> samples,
      TrainingParameters parameters, TokenNameFinderFactory factory) throws IOException {
    return NameFinderME.train(language, null, ObjectStreamUtils.createObjectStream(samples), parameters, factory);
  }

  private static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static String describe(Map<String, Object> settings) {
    return settings.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
  }
}
