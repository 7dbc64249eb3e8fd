package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.eval.ner.NameFinderTraining;
import org.seqnlp.eval.ner.NamedModel;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
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
      CommandLine.ParseResult given = spec.commandLine().getParseResult();
      if (training.anyGivenBut(spec, "--gazetteers") || given.hasMatchedOption("--format")
          || given.hasMatchedOption("--encoding") || given.hasMatchedOption("--max-sentences")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--from-checkpoint wraps a trained network:"
            + " the training options (--dev, --vectors, --epochs, --format, ...) do not apply; --gazetteers names"
            + " the lists it was trained with");
      }
      training.checkOutput(spec, output, List.of(fromCheckpoint));
      InputPaths.requireFile(fromCheckpoint, "checkpoint file");
      BiLstmCrfNetwork network = BiLstmCrfNetworkFormat.read(fromCheckpoint);
      List<Path> lists = training.gazetteerFiles(spec);
      requireTrainedLists(network, lists);
      // The lists are in the checkpoint's network; given again, they are recorded as training records them.
      write(new BiLstmCrfSequenceModel(network).toNameFinderModel(language,
          BiLstmCrfSequenceTrainer.gazetteerManifestEntries(lists)));
      spec.commandLine().getOut().printf("model written to %s%n", output);
      return 0;
    }
    TrainingParameters parameters = training.parameters(spec, data.encoding);
    // Both the model and the checkpoint are written only after minutes or hours: check them now.
    training.checkOutputs(spec, output, List.of(train));
    List<NameSample> samples = data.read(spec, train, maxSentences);
    NamedModel trained = NameFinderTraining.biLstmCrf(language, samples, parameters);
    write(trained.model());
    spec.commandLine().getOut().printf("trained on %d sentences in %.1f s; model written to %s%n", samples.size(),
        trained.trainingSeconds().orElseThrow(), output);
    return 0;
  }

  /**
   * The manifest records the lists given and the attributions their licences require, so they must be those the
   * network was trained with: the same types and entries, or none for a network without lists.
   */
  private void requireTrainedLists(BiLstmCrfNetwork network, List<Path> lists) throws IOException {
    Optional<Gazetteer> trained = network.gazetteer();
    if (trained.isEmpty() && !lists.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + fromCheckpoint
          + " was trained without name lists");
    }
    if (trained.isPresent()) {
      if (lists.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), fromCheckpoint + " was trained with name lists"
            + " of the types " + trained.get().types() + ": give them with --gazetteers, so that the model records"
            + " them and the attributions their licences require");
      }
      Gazetteer given = GazetteerFiles.read(lists);
      for (String type : union(trained.get().types(), given.types())) {
        if (!entriesOf(trained.get(), type).equals(entriesOf(given, type))) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: the lists given differ from"
              + " those " + fromCheckpoint + " was trained with, in their " + type + " names");
        }
      }
    }
  }

  private static Set<String> union(List<String> a, List<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Set<String> entriesOf(Gazetteer gazetteer, String type) {
    return gazetteer.types().contains(type) ? new HashSet<>(gazetteer.entries(type)) : Set.of();
  }

  /**
   * Writes the model, with the document context of the options in its manifest, through a temporary file
   * renamed over the output, so a failure never leaves a broken one.
   */
  private void write(TokenNameFinderModel model) throws IOException {
    OutputFiles.write(output, documentContext.apply(spec, model)::serialize);
  }
}
