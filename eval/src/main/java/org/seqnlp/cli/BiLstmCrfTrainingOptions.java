package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The BiLSTM-CRF training options shared by {@code train-ner} and {@code compare-ner}, turned into the
 * OpenNLP {@link TrainingParameters} that select {@link BiLstmCrfSequenceTrainer}, so both commands
 * train exactly as {@code opennlp TokenNameFinderTrainer -params} would. Unset options keep the
 * trainer's defaults.
 */
final class BiLstmCrfTrainingOptions {

  /** Units of the LSTM and filters of the CNN: 4,096 is already a network no CPU trains in a day. */
  private static final int MAX_HIDDEN = 4096;
  private static final int MAX_CHAR_DIMENSION = 1000;
  private static final int MAX_BATCH_SIZE = 100_000;
  private static final double MAX_DROPOUT = 0.95;

  @Option(names = "--dev", paramLabel = "FILE",
      description = "Development data for early stopping (CoNLL columns); without it all epochs run.")
  Path dev;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "Word vectors to initialise the embeddings (word2vec binary or text); random without.")
  Path vectors;

  @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: 30).")
  Integer epochs;

  @Option(names = "--patience", paramLabel = "N", description = "Epochs without dev gain before stopping (default: 5).")
  Integer patience;

  @Option(names = "--hidden", paramLabel = "N", description = "LSTM size per direction (default: 100).")
  Integer hidden;

  @Option(names = "--word-dim", paramLabel = "N", description = "Word embedding size without vectors (default: 100).")
  Integer wordDimension;

  @Option(names = "--char-dim", paramLabel = "N", description = "Character embedding size (default: 25).")
  Integer charDimension;

  @Option(names = "--char-filters", paramLabel = "N", description = "Character CNN filters (default: 50).")
  Integer charFilters;

  @Option(names = "--batch-size", paramLabel = "N", description = "Sentences per step (default: 32).")
  Integer batchSize;

  @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam learning rate (default: 0.003).")
  Double learningRate;

  @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability (default: 0.5).")
  Double dropout;

  @Option(names = "--seed", paramLabel = "N", description = "Training random seed (default: 42).")
  Integer seed;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Where the best network so far is written after every improving epoch.")
  Path checkpoint;

  @Option(names = "--gazetteers", arity = "1..*", paramLabel = "PATH",
      description = {"Name lists whose matches (longest per type, B/I/E/S) join each token's input; files or"
          + " directories of them, UTF-8 one name a line, .txt or .txt.gz, typed by the file name's prefix"
          + " loc-, per-, org- or misc-. The compiled lists are stored in the model."})
  List<Path> gazetteers;

  /** Whether any of these options was given. */
  boolean anyGiven() {
    return Stream.of(dev, vectors, epochs, patience, hidden, wordDimension, charDimension, charFilters, batchSize,
        learningRate, dropout, seed, checkpoint, gazetteers).anyMatch(value -> value != null);
  }

  /** The files and directories these options read (for the check that no output overwrites one). */
  List<Path> inputs() {
    List<Path> inputs = new ArrayList<>();
    Stream.of(dev, vectors).filter(path -> path != null).forEach(inputs::add);
    if (gazetteers != null) {
      inputs.addAll(gazetteers);
    }
    return inputs;
  }

  /**
   * The training parameters, checked before any training starts (a bad value or a missing file would
   * otherwise surface only after a long run) as usage errors of {@code spec}'s command.
   */
  TrainingParameters parameters(CommandLine.Model.CommandSpec spec) {
    checkRanges(spec);
    requireFile(spec, "--dev", dev);
    requireFile(spec, "--vectors", vectors);
    requireLists(spec);
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, BiLstmCrfSequenceTrainer.class.getName());
    putIfSet(parameters, BiLstmCrfSequenceTrainer.EPOCHS, epochs);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.PATIENCE, patience);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.HIDDEN, hidden);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.WORD_DIMENSION, wordDimension);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.CHAR_DIMENSION, charDimension);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.CHAR_FILTERS, charFilters);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.BATCH_SIZE, batchSize);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.LEARNING_RATE, learningRate);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.DROPOUT, dropout);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.SEED, seed);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.WORD_VECTORS, vectors);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.DEV_DATA, dev);
    putIfSet(parameters, BiLstmCrfSequenceTrainer.CHECKPOINT, checkpoint);
    if (gazetteers != null) {
      parameters.put(BiLstmCrfSequenceTrainer.GAZETTEERS,
          gazetteers.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    try {
      BiLstmCrfSequenceTrainer.settings(parameters);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return parameters;
  }

  private void checkRanges(CommandLine.Model.CommandSpec spec) {
    requireIfSet(spec, "--epochs", epochs, 1, 10_000);
    requireIfSet(spec, "--patience", patience, 0, 10_000);
    requireIfSet(spec, "--hidden", hidden, 1, MAX_HIDDEN);
    requireIfSet(spec, "--word-dim", wordDimension, 1, OptionRange.MAX_DIMENSION);
    requireIfSet(spec, "--char-dim", charDimension, 1, MAX_CHAR_DIMENSION);
    requireIfSet(spec, "--char-filters", charFilters, 1, MAX_HIDDEN);
    requireIfSet(spec, "--batch-size", batchSize, 1, MAX_BATCH_SIZE);
    if (learningRate != null) {
      OptionRange.requirePositive(spec, "--learning-rate", learningRate, 10);
    }
    if (dropout != null) {
      OptionRange.requireNonNegative(spec, "--dropout", dropout, MAX_DROPOUT);
    }
  }

  private static void requireIfSet(CommandLine.Model.CommandSpec spec, String option, Integer value, int min,
      int max) {
    if (value != null) {
      OptionRange.require(spec, option, value, min, max);
    }
  }

  private static void requireFile(CommandLine.Model.CommandSpec spec, String option, Path file) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": no such file " + file);
    }
  }

  /** Lists are read after the training data and the vectors: a missing or untyped one fails here instead. */
  private void requireLists(CommandLine.Model.CommandSpec spec) {
    if (gazetteers == null) {
      return;
    }
    for (Path path : gazetteers) {
      if (path.toString().contains(",")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + path
            + ": a path with a comma cannot be passed on (the Gazetteers parameter separates paths by commas)");
      }
    }
    try {
      if (GazetteerFiles.listFiles(gazetteers).isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + gazetteers
            + ": no name list (a file named loc-*, per-*, org-* or misc-*, .txt or .txt.gz)");
      }
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--gazetteers: " + e.getMessage());
    }
  }

  private static void putIfSet(TrainingParameters parameters, String key, Object value) {
    if (value != null) {
      parameters.put(key, value.toString());
    }
  }
}
