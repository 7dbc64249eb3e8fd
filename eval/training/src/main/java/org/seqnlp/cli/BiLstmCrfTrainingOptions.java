package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The BiLSTM-CRF training options shared by {@code train-ner} and {@code compare-ner}, turned into the
 * OpenNLP {@link TrainingParameters} that select {@link BiLstmCrfSequenceTrainer}, so both commands
 * train exactly as {@code opennlp TokenNameFinderTrainer -params} would. The commands take the options'
 * defaults from {@link TrainingSettings#DEFAULTS} through {@link Defaults}; the settings the options do not
 * set keep them too.
 */
final class BiLstmCrfTrainingOptions {

  @Option(names = "--dev", paramLabel = "FILE",
      description = "Development data for early stopping (CoNLL columns, in --encoding); without it all epochs run.")
  Path dev;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "Word vectors to initialise the embeddings (any format eval-vectors reads); random without.")
  Path vectors;

  @Option(names = "--subword-vectors", description = "Training words outside the vocabulary of --vectors start "
      + "from their subword vector (a seqnlp file trained with --subwords) instead of random values (default: "
      + "off).")
  boolean subwordVectors;

  @Option(names = "--freeze-vectors", description = "Words with a vector in --vectors keep it through training; "
      + "only the other words' embeddings are learnt (default: off).")
  boolean freezeVectors;

  @Option(names = "--average-decay", paramLabel = "D", description = "Score, checkpoint and keep the moving "
      + "average of the weights with this decay per step instead of the last step's weights; 0: off (default: "
      + "${DEFAULT-VALUE}).")
  double averageDecay;

  @Option(names = "--sentence-start-copies", paramLabel = "S", description = "Train each sentence, with probability"
      + " S in [0, 1], a second time from one of its lower-case words outside names, capitalised (half of these"
      + " copies after the sentence before), so that a capitalised common word starting a sentence is not taken for"
      + " a name; 0: off (default: ${DEFAULT-VALUE}).")
  double sentenceStartCopies;

  @Option(names = "--lowercase-copies", paramLabel = "S", description = "Train each sentence that lower-casing"
      + " changes (sentence-start copies too), with probability S in [0, 1], a second time in lower case, for text"
      + " that does not capitalise names; 0: off (default: ${DEFAULT-VALUE}).")
  double lowercaseCopies;

  @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--patience", paramLabel = "N",
      description = "Epochs without dev gain before stopping; 0: never (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--hidden", paramLabel = "N", description = "LSTM size per direction (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--word-dim", paramLabel = "N",
      description = "Word embedding size without vectors (default: ${DEFAULT-VALUE}).")
  int wordDimension;

  @Option(names = "--char-dim", paramLabel = "N", description = "Character embedding size (default: ${DEFAULT-VALUE}).")
  int charDimension;

  @Option(names = "--char-filters", paramLabel = "N",
      description = "Character CNN filters (default: ${DEFAULT-VALUE}).")
  int charFilters;

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--learning-rate", paramLabel = "RATE",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--max-vocabulary", paramLabel = "N",
      description = "Most words with an embedding: training words first, then the vectors' most frequent words"
          + " (default: ${DEFAULT-VALUE}).")
  int maxVocabulary;

  @Option(names = "--embedding-bits", paramLabel = "8|32",
      description = "Bits per stored word-embedding value: 32 floats, or 8 (8-bit rows with a scale each, a"
          + " quarter of the size; for large vocabularies) (default: ${DEFAULT-VALUE}).")
  int embeddingBits;

  @Option(names = "--seed", paramLabel = "N", description = "Training random seed (default: ${DEFAULT-VALUE}).")
  int seed;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Where the best network so far is written after every improving epoch; the run's state goes"
          + " to FILE.state after every epoch until the run ends, and the same command run again after an"
          + " interruption resumes after the last epoch saved.")
  Path checkpoint;

  @Option(names = "--gazetteers", arity = "1..*", paramLabel = "PATH",
      description = {"Name lists whose matches (longest per type, B/I/E/S) join each token's input; files or"
          + " directories of them, UTF-8 one name a line, .txt or .txt.gz, typed by the file name's prefix"
          + " loc-, per-, org- or misc-. The compiled lists are stored in the model."})
  List<Path> gazetteers;

  /** The options themselves (not the command's), to tell which were given. */
  @CommandLine.Spec
  CommandLine.Model.CommandSpec options;

  /**
   * Refuses a {@code --dev} that is one of {@code tests}: early stopping would choose the network on the data it is
   * scored on.
   */
  void requireDevNotAmong(CommandLine.Model.CommandSpec command, List<Path> tests) {
    for (Path test : tests) {
      try {
        if (dev != null && Files.exists(dev) && Files.exists(test) && Files.isSameFile(dev, test)) {
          throw new CommandLine.ParameterException(command.commandLine(), "--dev " + dev + " is also --test "
              + test + ": training would stop at the epoch best on the test data; give development data of its own");
        }
      } catch (IOException e) {
        throw new CommandLine.ParameterException(command.commandLine(), ErrorMessages.describe(e), e);
      }
    }
  }

  /** Whether any of these options was given on {@code command}'s command line. */
  boolean anyGiven(CommandLine.Model.CommandSpec command) {
    return anyGivenBut(command, null);
  }

  /** Whether any of these options but {@code except} (null: none) was given on {@code command}'s command line. */
  boolean anyGivenBut(CommandLine.Model.CommandSpec command, String except) {
    CommandLine.ParseResult given = command.commandLine().getParseResult();
    return options.options().stream().filter(option -> !option.longestName().equals(except))
        .anyMatch(option -> given.hasMatchedOption(option.longestName()));
  }

  /**
   * Checks, before the work, the model output, {@code --checkpoint} and the run's state beside it, all written only
   * after minutes or hours: none may be one of the inputs ({@code otherInputs}, these options' files, the other
   * outputs; the state is read too, on resuming) nor be named as a list in a {@code --gazetteers} directory, where it
   * would be read as one next time; usage errors of {@code spec}.
   */
  void checkOutputs(CommandLine.Model.CommandSpec spec, Path output, List<Path> otherInputs) {
    if (checkpoint == null) {
      checkOutput(spec, output, otherInputs, null);
      return;
    }
    Path state = TrainingSettings.runStateOf(checkpoint);
    List<Path> withState = new ArrayList<>(otherInputs);
    withState.add(state);
    checkOutput(spec, output, withState, checkpoint);
    checkOutput(spec, checkpoint, withState, output);
    checkOutput(spec, state, otherInputs, output);
  }

  /** As {@link #checkOutputs} for a command that writes {@code output} alone. */
  void checkOutput(CommandLine.Model.CommandSpec spec, Path output, List<Path> otherInputs) {
    checkOutput(spec, output, otherInputs, null);
  }

  private void checkOutput(CommandLine.Model.CommandSpec spec, Path output, List<Path> otherInputs, Path other) {
    List<Path> inputs = new ArrayList<>(otherInputs);
    inputs.addAll(inputs(spec));
    inputs.add(other);
    OutputPaths.check(spec, output, inputs);
    for (Path path : gazetteers == null ? List.<Path>of() : gazetteers) {
      OutputPaths.checkNotInside(spec, output, path, GazetteerFiles::isList);
    }
  }

  /**
   * The files these options read, each list of a {@code --gazetteers} directory included (for the check that no
   * output overwrites one); usage errors of {@code spec}'s command as {@link #gazetteerFiles}.
   */
  private List<Path> inputs(CommandLine.Model.CommandSpec spec) {
    List<Path> inputs = new ArrayList<>();
    Stream.of(dev, vectors).filter(path -> path != null).forEach(inputs::add);
    inputs.addAll(gazetteerFiles(spec));
    return inputs;
  }

  /**
   * The training parameters, checked before any training starts (a bad value or a missing file would
   * otherwise surface only after a long run) as usage errors of {@code spec}'s command.
   */
  TrainingParameters parameters(CommandLine.Model.CommandSpec spec, Charset devEncoding) {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    TrainingParameters parameters;
    try {
      parameters = new TrainingSettings(epochs, patience, batchSize, wordDimension, charDimension, charFilters,
          d.maxWordChars(), hidden, learningRate, dropout, d.gradientClip(), maxVocabulary, embeddingBits, seed,
          checkpoint, gazetteers == null ? List.of() : gazetteers, freezeVectors, averageDecay, sentenceStartCopies,
          lowercaseCopies).validate().parameters();
    } catch (IllegalArgumentException e) {
      throw new Defaults().usageError(spec, e);
    }
    requireFile(spec, "--dev", dev);
    requireFile(spec, "--vectors", vectors);
    requireLists(spec);
    parameters.put(TrainingParameters.ALGORITHM_PARAM, BiLstmCrfSequenceTrainer.class.getName());
    if (vectors != null) {
      parameters.put(BiLstmCrfSequenceTrainer.WORD_VECTORS, vectors.toString());
    }
    if (freezeVectors && vectors == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--freeze-vectors needs --vectors");
    }
    if (subwordVectors) {
      if (vectors == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--subword-vectors needs --vectors");
      }
      parameters.put(BiLstmCrfSequenceTrainer.SUBWORD_VECTORS, true);
    }
    if (dev != null) {
      parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, dev.toString());
      parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA_ENCODING, devEncoding.name());
    }
    return parameters;
  }

  // The trainer opens these files by name, inside OpenNLP's training call: a pipe would be read there or not at all.
  private static void requireFile(CommandLine.Model.CommandSpec spec, String option, Path file) {
    if (file == null) {
      return;
    }
    try {
      InputPaths.requireRegularFile(file, "file", option + " takes a regular file");
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + ErrorMessages.describe(e));
    }
  }

  /** Lists are read after the training data and the vectors: a missing or untyped one fails here instead. */
  private void requireLists(CommandLine.Model.CommandSpec spec) {
    gazetteerFiles(spec);
  }

  /**
   * The name-list files of {@code --gazetteers} (empty without the option), or a usage error of {@code spec}'s
   * command when the option names none or one cannot be read.
   */
  List<Path> gazetteerFiles(CommandLine.Model.CommandSpec spec) {
    if (gazetteers == null) {
      return List.of();
    }
    try {
      List<Path> files = GazetteerFiles.listFiles(gazetteers);
      if (files.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + gazetteers
            + ": no name list (a file named loc-*, per-*, org-* or misc-*, .txt or .txt.gz)");
      }
      return files;
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + e.getMessage());
    }
  }


  /**
   * The defaults of the options from {@link TrainingSettings#DEFAULTS}, also shown by {@code --help}: the
   * default provider of the commands that mix these options in.
   */
  static final class Defaults extends SettingOptions {
    private static final TrainingSettings D = TrainingSettings.DEFAULTS;

    Defaults() {
      super(new Setting("--epochs", TrainingSettings.EPOCHS, D.epochs()),
          new Setting("--patience", TrainingSettings.PATIENCE, D.patience()),
          new Setting("--hidden", TrainingSettings.HIDDEN, D.hidden()),
          new Setting("--word-dim", TrainingSettings.WORD_DIMENSION, D.wordDimension()),
          new Setting("--char-dim", TrainingSettings.CHAR_DIMENSION, D.charDimension()),
          new Setting("--char-filters", TrainingSettings.CHAR_FILTERS, D.charFilters()),
          new Setting("--batch-size", TrainingSettings.BATCH_SIZE, D.batchSize()),
          new Setting("--learning-rate", TrainingSettings.LEARNING_RATE, D.learningRate()),
          new Setting("--dropout", TrainingSettings.DROPOUT, D.dropout()),
          new Setting("--max-vocabulary", TrainingSettings.MAX_VOCABULARY, D.maxVocabulary()),
          new Setting("--embedding-bits", TrainingSettings.EMBEDDING_BITS, D.embeddingBits()),
          new Setting("--seed", TrainingSettings.SEED, D.seed()),
          new Setting("--average-decay", TrainingSettings.AVERAGE_DECAY, D.averageDecay()),
          new Setting("--sentence-start-copies", TrainingSettings.SENTENCE_START_COPIES, D.sentenceStartCopies()),
          new Setting("--lowercase-copies", TrainingSettings.LOWERCASE_COPIES, D.lowercaseCopies()),
          new Setting("--gazetteers", TrainingSettings.GAZETTEERS, null));
    }
  }
}
