package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.opennlp.lm.training.LmTrainingSettings;
import org.seqnlp.opennlp.lm.training.RnnLmTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp train-lm}: trains a word- or character-level RNN, GRU or LSTM language model. */
@Command(name = "train-lm", mixinStandardHelpOptions = true,
    defaultValueProvider = TrainLmCommand.Defaults.class,
    description = {"Trains a recurrent language model (one sentence a line) and writes it as a zip.",
        "Defaults are Zaremba et al.'s small LSTM: 2 layers of 200, BPTT 35, batch 20, SGD 1.0, "
            + "global-norm clipping at 5, a softmax factored into word classes for large vocabularies."})
final class TrainLmCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, description = "Training text, one sentence a line.")
  Path train;

  @Option(names = "--valid", description = "Validation text for early stopping and learning-rate decay.")
  Path valid;

  @Option(names = "--test", description = "Test text: its perplexity (each sentence alone, and across "
      + "sentences) is measured with the finished model and recorded in its manifest.")
  Path test;

  @Option(names = {"-o", "--output"}, required = true, description = "Model file to write (.zip).")
  Path output;

  @Option(names = "--work-dir", description = "Checkpoint directory; training resumes from it when present "
      + "(with the same settings and training file).")
  Path workDirectory;

  @Option(names = "--unit", description = "WORD or CHARACTER (default: ${DEFAULT-VALUE}).")
  TokenUnit unit;

  @Option(names = "--cell", description = "RNN, GRU or LSTM (default: ${DEFAULT-VALUE}).")
  CellType cell;

  @Option(names = "--threads", description = "Training threads; rows are split between them "
      + "(default: ${DEFAULT-VALUE}, up to 2).")
  int threads;

  @Option(names = "--output-classes", description = "Word classes of a factored softmax: a number, 0 for the "
      + "full softmax, or auto: the square root of the vocabulary size from 1000 entries up "
      + "(default: ${DEFAULT-VALUE}).")
  String outputClasses;

  @Option(names = "--layers", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--embedding-size", description = "Default: ${DEFAULT-VALUE}.")
  int embeddingSize;

  @Option(names = "--hidden-size", description = "Default: ${DEFAULT-VALUE}.")
  int hiddenSize;

  @Option(names = "--dropout", description = "Dropout probability on non-recurrent connections "
      + "(default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--bptt", description = "Truncated-BPTT length in steps (default: ${DEFAULT-VALUE}).")
  int bptt;

  @Option(names = "--batch-size", description = "Parallel rows of the text stream (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--learning-rate", description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--lr-decay", description = "Learning-rate factor after a validation without improvement "
      + "and per epoch from --decay-start-epoch, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double learningRateDecay;

  @Option(names = "--decay-start-epoch", description = "Decay the learning rate after every epoch from this "
      + "one on, as well as on a validation without improvement; 0 for never (default: ${DEFAULT-VALUE}).")
  int decayStartEpoch;

  @Option(names = "--clip-norm", description = "Largest global gradient norm; 0 turns clipping off "
      + "(default: ${DEFAULT-VALUE}).")
  double clipNorm;

  @Option(names = "--epochs", description = "Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--validations-per-epoch", description = "Default: ${DEFAULT-VALUE}.")
  int validationsPerEpoch;

  @Option(names = "--patience", description = "Validations without improvement before stopping "
      + "(default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--max-tokens", description = "Stop after this many training tokens; 0 for no limit "
      + "(default: ${DEFAULT-VALUE}).")
  long maxTokens;

  @Option(names = "--max-minutes", description = "Stop after this many minutes of training; 0 for no limit "
      + "(default: ${DEFAULT-VALUE}).")
  double maxMinutes;

  @Option(names = "--checkpoint-minutes", description = "Minutes between checkpoints in --work-dir "
      + "(default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Option(names = "--cutoff", description = "Minimum count of a vocabulary entry (default: ${DEFAULT-VALUE}).")
  int cutoff;

  @Option(names = "--vocabulary-size", description = "Largest vocabulary, <eos> and <unk> included; 0 for no "
      + "limit (default: ${DEFAULT-VALUE}).")
  int vocabularySize;

  @Option(names = "--init-scale", description = "Weights start uniform in [-s, s] (default: ${DEFAULT-VALUE}).")
  double initScale;

  @Option(names = "--seed", description = "Random seed for weight initialisation (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Each setting's option, to name it in range errors instead of the training-parameter key. */
  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry(LmTrainingSettings.LAYERS, "--layers"),
      Map.entry(LmTrainingSettings.EMBEDDING_SIZE, "--embedding-size"),
      Map.entry(LmTrainingSettings.HIDDEN_SIZE, "--hidden-size"),
      Map.entry(LmTrainingSettings.OUTPUT_CLASSES, "--output-classes"),
      Map.entry(LmTrainingSettings.DROPOUT, "--dropout"),
      Map.entry(LmTrainingSettings.BPTT_LENGTH, "--bptt"),
      Map.entry(LmTrainingSettings.BATCH_SIZE, "--batch-size"),
      Map.entry(LmTrainingSettings.THREADS, "--threads"),
      Map.entry(LmTrainingSettings.LEARNING_RATE, "--learning-rate"),
      Map.entry(LmTrainingSettings.LEARNING_RATE_DECAY, "--lr-decay"),
      Map.entry(LmTrainingSettings.DECAY_START_EPOCH, "--decay-start-epoch"),
      Map.entry(LmTrainingSettings.CLIP_NORM, "--clip-norm"),
      Map.entry(LmTrainingSettings.EPOCHS, "--epochs"),
      Map.entry(LmTrainingSettings.VALIDATIONS_PER_EPOCH, "--validations-per-epoch"),
      Map.entry(LmTrainingSettings.PATIENCE, "--patience"),
      Map.entry(LmTrainingSettings.MAX_TOKENS, "--max-tokens"),
      Map.entry(LmTrainingSettings.MAX_MINUTES, "--max-minutes"),
      Map.entry(LmTrainingSettings.CHECKPOINT_MINUTES, "--checkpoint-minutes"),
      Map.entry(LmTrainingSettings.CUTOFF, "--cutoff"),
      Map.entry(LmTrainingSettings.VOCABULARY_SIZE, "--vocabulary-size"),
      Map.entry(LmTrainingSettings.INIT_SCALE, "--init-scale"));

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LmTrainingSettings settings;
    try {
      settings = new LmTrainingSettings(unit, cell, layers, embeddingSize, hiddenSize,
          LmTrainingSettings.outputClasses(outputClasses, LmTrainingSettings.AUTO_CLASSES), dropout, bptt,
          batchSize, threads, learningRate, learningRateDecay, decayStartEpoch, clipNorm, epochs,
          validationsPerEpoch, patience, maxTokens, maxMinutes, checkpointMinutes, cutoff, vocabularySize,
          initScale, seed).validate();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), withOptionName(e.getMessage()));
    }
    OutputPaths.check(spec, output, train, valid, test);
    InputPaths.requireFile(train, "training file");
    if (valid != null) {
      InputPaths.requireFile(valid, "validation file");
    }
    if (test != null) {
      InputPaths.requireFile(test, "test file");
    }
    RnnLanguageModel model = new RnnLmTrainer(settings, true).train(train, valid, workDirectory);
    if (test != null) {
      model = model.withTrainingInfo(Map.of(
          "Test-Perplexity", String.format(Locale.ROOT, "%.2f", model.perplexity(test, false).value()),
          "Test-Perplexity-Across-Sentences", String.format(Locale.ROOT, "%.2f", model.perplexity(test, true).value())));
    }
    model.save(output);
    out.println("wrote " + output + ": " + model);
    model.trainingInfo().forEach((key, value) -> out.println(key.toLowerCase(Locale.ROOT) + "=" + value));
    return 0;
  }

  /** The message with its leading setting key replaced by the option that sets it. */
  static String withOptionName(String message) {
    for (Map.Entry<String, String> entry : OPTIONS.entrySet()) {
      if (message.startsWith(entry.getKey() + " ")) {
        return entry.getValue() + message.substring(entry.getKey().length());
      }
    }
    return message;
  }

  /** The defaults of every option from {@link LmTrainingSettings#DEFAULTS}, also shown by {@code --help}. */
  static final class Defaults implements CommandLine.IDefaultValueProvider {
    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
      if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
        return null;
      }
      LmTrainingSettings d = LmTrainingSettings.DEFAULTS;
      Object value = switch (option.longestName()) {
        case "--unit" -> d.unit();
        case "--cell" -> d.cell();
        case "--threads" -> d.threads();
        case "--output-classes" -> d.outputClasses() == LmTrainingSettings.AUTO_CLASSES ? "auto" : d.outputClasses();
        case "--layers" -> d.layers();
        case "--embedding-size" -> d.embeddingSize();
        case "--hidden-size" -> d.hiddenSize();
        case "--dropout" -> d.dropout();
        case "--bptt" -> d.bpttLength();
        case "--batch-size" -> d.batchSize();
        case "--learning-rate" -> d.learningRate();
        case "--lr-decay" -> d.learningRateDecay();
        case "--decay-start-epoch" -> d.decayStartEpoch();
        case "--clip-norm" -> d.clipNorm();
        case "--epochs" -> d.epochs();
        case "--validations-per-epoch" -> d.validationsPerEpoch();
        case "--patience" -> d.patience();
        case "--max-tokens" -> d.maxTokens();
        case "--max-minutes" -> d.maxMinutes();
        case "--checkpoint-minutes" -> d.checkpointMinutes();
        case "--cutoff" -> d.cutoff();
        case "--vocabulary-size" -> d.vocabularySize();
        case "--init-scale" -> d.initScale();
        case "--seed" -> d.seed();
        default -> null;
      };
      return value == null ? null : value.toString();
    }
  }
}
