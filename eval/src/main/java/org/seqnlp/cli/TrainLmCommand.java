package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.PerplexityScorer;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.SentenceFile;
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
      + "(default: ${DEFAULT-VALUE}: the processors, at most 2).")
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

  @Option(names = "--max-tokens", description = "Stop once this many tokens are trained; 0 for no limit. Checked "
      + "every " + RnnLmTrainer.SEGMENTS_PER_FIT + " x --bptt steps of all --batch-size rows, so a run may train "
      + "up to that many tokens more "
      + "(default: ${DEFAULT-VALUE}).")
  long maxTokens;

  @Option(names = "--max-minutes", description = "Stop once this many minutes are spent training; 0 for no limit. "
      + "Checked as --max-tokens is (default: ${DEFAULT-VALUE}).")
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
      throw new Defaults().usageError(spec, e);
    }
    OutputPaths.check(spec, output, train, valid, test);
    if (workDirectory != null) {
      checkWorkDirectory();
      // The checkpoint records the training file's checksum, which is one more reading of it.
      InputPaths.requireRegularFile(train, "training file", "the training file is read more than once");
    } else {
      InputPaths.requireFile(train, "training file");
    }
    if (valid != null) {
      InputPaths.requireFile(valid, "validation file");
    }
    List<List<String>> testSentences = null;
    if (test != null) {
      InputPaths.requireFile(test, "test file");
      // Read before the training, so that an empty or damaged test file fails before it, not after it.
      testSentences = SentenceFile.readToScore(test, settings.unit());
    }
    RnnLanguageModel model;
    try {
      model = new RnnLmTrainer(settings, true).train(train, valid, workDirectory);
    } catch (IllegalArgumentException e) {
      // a setting checked against the data (--output-classes against the vocabulary read from --train)
      Defaults defaults = new Defaults();
      if (defaults.named(e) != null) {
        throw defaults.usageError(spec, e);
      }
      throw e;
    }
    // Saved before scoring too, so that nothing in the scoring (memory, for a large text of characters) can
    // cost the training.
    model.save(output);
    if (testSentences != null) {
      PerplexityScorer scorer = new PerplexityScorer(model);
      model = model.withTrainingInfo(Map.of(
          "Test-Perplexity", String.format(Locale.ROOT, "%.2f", scorer.of(testSentences, false).value()),
          "Test-Perplexity-Across-Sentences",
          String.format(Locale.ROOT, "%.2f", scorer.of(testSentences, true).value())));
      model.save(output);
    }
    out.println("wrote " + output + ": " + model);
    model.trainingInfo().forEach((key, value) -> out.println(key.toLowerCase(Locale.ROOT) + "=" + value));
    return 0;
  }

  /** The work directory must exist or be created, and take checkpoints, before training rather than at the first. */
  private void checkWorkDirectory() {
    OutputPaths.createWritableDirectory(spec, workDirectory);
    List<Path> workFiles = RnnLmTrainer.workFiles(workDirectory);
    for (Path written : workFiles) {
      OutputPaths.check(spec, written, train, valid, test);
    }
    OutputPaths.check(spec, output, workFiles);
  }

  /** The defaults of every option from {@link LmTrainingSettings#DEFAULTS}, also shown by {@code --help}. */
  static final class Defaults extends SettingOptions {
    private static final LmTrainingSettings D = LmTrainingSettings.DEFAULTS;

    Defaults() {
      super(new Setting("--unit", null, D.unit()),
          new Setting("--cell", null, D.cell()),
          new Setting("--threads", LmTrainingSettings.THREADS, D.threads()),
          new Setting("--output-classes", LmTrainingSettings.OUTPUT_CLASSES,
              D.outputClasses() == LmTrainingSettings.AUTO_CLASSES ? "auto" : D.outputClasses()),
          new Setting("--layers", LmTrainingSettings.LAYERS, D.layers()),
          new Setting("--embedding-size", LmTrainingSettings.EMBEDDING_SIZE, D.embeddingSize()),
          new Setting("--hidden-size", LmTrainingSettings.HIDDEN_SIZE, D.hiddenSize()),
          new Setting("--dropout", LmTrainingSettings.DROPOUT, D.dropout()),
          new Setting("--bptt", LmTrainingSettings.BPTT_LENGTH, D.bpttLength()),
          new Setting("--batch-size", LmTrainingSettings.BATCH_SIZE, D.batchSize()),
          new Setting("--learning-rate", LmTrainingSettings.LEARNING_RATE, D.learningRate()),
          new Setting("--lr-decay", LmTrainingSettings.LEARNING_RATE_DECAY, D.learningRateDecay()),
          new Setting("--decay-start-epoch", LmTrainingSettings.DECAY_START_EPOCH, D.decayStartEpoch()),
          new Setting("--clip-norm", LmTrainingSettings.CLIP_NORM, D.clipNorm()),
          new Setting("--epochs", LmTrainingSettings.EPOCHS, D.epochs()),
          new Setting("--validations-per-epoch", LmTrainingSettings.VALIDATIONS_PER_EPOCH,
              D.validationsPerEpoch()),
          new Setting("--patience", LmTrainingSettings.PATIENCE, D.patience()),
          new Setting("--max-tokens", LmTrainingSettings.MAX_TOKENS, D.maxTokens()),
          new Setting("--max-minutes", LmTrainingSettings.MAX_MINUTES, D.maxMinutes()),
          new Setting("--checkpoint-minutes", LmTrainingSettings.CHECKPOINT_MINUTES, D.checkpointMinutes()),
          new Setting("--cutoff", LmTrainingSettings.CUTOFF, D.cutoff()),
          new Setting("--vocabulary-size", LmTrainingSettings.VOCABULARY_SIZE, D.vocabularySize()),
          new Setting("--init-scale", LmTrainingSettings.INIT_SCALE, D.initScale()),
          new Setting("--seed", null, D.seed()));
    }
  }
}
