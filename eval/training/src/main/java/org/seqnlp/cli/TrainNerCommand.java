package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.eval.ner.NameFinderTraining;
import org.seqnlp.eval.ner.NamedModel;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp train-ner}: trains a BiLSTM-CRF name finder through OpenNLP's {@code NameFinderME.train}
 * and writes a normal {@code TokenNameFinderModel} zip.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    defaultValueProvider = BiLstmCrfTrainingOptions.Defaults.class,
    description = {"Trains a BiLSTM-CRF name finder (word embeddings, character CNN, BiLSTM, CRF) and writes an"
        + " OpenNLP TokenNameFinderModel that NameFinderME and the opennlp tools load.",
        "Set OMP_NUM_THREADS=1 on small machines: ND4J's default thread pool slows training down."})
final class TrainNerCommand implements Callable<Integer> {

  /** OpenNLP's tag for a model of no particular language. */
  private static final String UNSPECIFIED_LANGUAGE = "x-unspecified";

  @Option(names = "--train", paramLabel = "FILE", description = "Training data (CoNLL columns).")
  Path train;

  @Option(names = "--from-checkpoint", paramLabel = "FILE",
      description = "Instead of training, wrap a checkpoint written by --checkpoint into a model zip.")
  Path fromCheckpoint;

  @CommandLine.Mixin
  NameDataOptions data;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The model zip to write.")
  Path output;

  @Option(names = "--lang", defaultValue = "eng", paramLabel = "CODE",
      description = "Language tag stored in the model: ISO 639 (en, eng), BCP 47 (en-US) or x-unspecified"
          + " (default: ${DEFAULT-VALUE}).")
  String language;

  @CommandLine.Mixin
  BiLstmCrfTrainingOptions training;

  @CommandLine.Mixin
  DocumentContextOptions documentContext;

  @Option(names = "--max-sentences", defaultValue = "0", paramLabel = "N",
      description = "Train on the first N sentences only (0: all), for quick runs.")
  int maxSentences;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The longest string the model format stores, in UTF-8 bytes. */
  static final int MAX_TOKEN_BYTES = TensorFile.MAX_STRING_BYTES;

  /**
   * Whether {@code tag} is a well-formed BCP 47 tag (ISO 639 codes are: en, eng) or OpenNLP's {@value
   * #UNSPECIFIED_LANGUAGE}. It is stored in the model's manifest, which tools compare with their text's language,
   * where a typo would never match.
   */
  static boolean isLanguageTag(String tag) {
    return tag.equalsIgnoreCase(UNSPECIFIED_LANGUAGE)
        || Locale.forLanguageTag(tag).toLanguageTag().equalsIgnoreCase(tag);
  }

  @Override
  public Integer call() throws IOException {
    OptionRange.require(spec, "--max-sentences", maxSentences, 0, Integer.MAX_VALUE);
    documentContext.validate(spec);
    NerFiles.allowSeqNlpExtensions();
    if (!isLanguageTag(language)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be a language tag such as en, eng,"
          + " en-US or " + UNSPECIFIED_LANGUAGE + ", got '" + language + "'");
    }
    if ((train == null) == (fromCheckpoint == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give either --train or --from-checkpoint");
    }
    if (fromCheckpoint != null) {
      training.checkOutput(spec, output, List.of(fromCheckpoint));
      InputPaths.requireFile(fromCheckpoint, "checkpoint file");
      BiLstmCrfNetwork network = BiLstmCrfNetworkFormat.read(fromCheckpoint);
      // The lists are in the checkpoint's network; given again, they are recorded as training records them.
      write(new BiLstmCrfSequenceModel(network).toNameFinderModel(language,
          BiLstmCrfSequenceTrainer.gazetteerManifestEntries(training.gazetteerFiles(spec))));
      spec.commandLine().getOut().printf("model written to %s%n", output);
      return 0;
    }
    TrainingParameters parameters = training.parameters(spec, data.encoding);
    // Both the model and the checkpoint are written only after minutes or hours: check them now.
    training.checkOutputs(spec, output, List.of(train));
    List<NameSample> samples = data.read(spec, train, maxSentences);
    requireStorableTokens(samples);
    NamedModel trained = NameFinderTraining.biLstmCrf(language, samples, parameters);
    write(trained.model());
    spec.commandLine().getOut().printf("trained on %d sentences in %.1f s; model written to %s%n", samples.size(),
        trained.trainingSeconds().orElseThrow(), output);
    return 0;
  }

  /**
   * The model stores each vocabulary token in at most {@value #MAX_TOKEN_BYTES} bytes of UTF-8; a longer
   * token would fail the save after the whole training run, so it fails here.
   */
  private void requireStorableTokens(List<NameSample> samples) throws IOException {
    for (int i = 0; i < samples.size(); i++) {
      for (String token : samples.get(i).getSentence()) {
        long bytes = token.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TOKEN_BYTES) {
          throw new IOException(String.format(Locale.ROOT, "%s: sentence %,d: a token of %,d bytes ('%s...') is"
              + " longer than the %,d bytes a model stores; nothing was trained", train, i + 1, bytes,
              token.substring(0, 20), MAX_TOKEN_BYTES));
        }
      }
    }
  }


  /**
   * Writes the model, with the document context of the options in its manifest, through a temporary file
   * renamed over the output, so a failure never leaves a broken one.
   */
  private void write(TokenNameFinderModel model) throws IOException {
    OutputFiles.write(output, documentContext.apply(spec, model)::serialize);
  }
}
