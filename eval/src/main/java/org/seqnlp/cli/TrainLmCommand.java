package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.RnnLmTrainer;
import org.seqnlp.opennlp.lm.TokenUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp train-lm}: trains a word- or character-level RNN, GRU or LSTM language model. */
@Command(name = "train-lm", mixinStandardHelpOptions = true,
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

  @Option(names = "--work-dir", description = "Checkpoint directory; training resumes from it when present.")
  Path workDirectory;

  @Option(names = "--unit", description = "WORD or CHARACTER (default: WORD).")
  TokenUnit unit;

  @Option(names = "--cell", description = "RNN, GRU or LSTM (default: LSTM).")
  CellType cell;

  @Option(names = "--engine", description = "java (plain Java: all cells, word classes, threads) or dl4j "
      + "(DeepLearning4J: RNN and LSTM, full softmax, adam) (default: java).")
  String engine;

  @Option(names = "--threads", description = "Threads of the java engine (default: up to 2).")
  Integer threads;

  @Option(names = "--output-classes", description = "Word classes of a factored softmax: a number, 0 for the "
      + "full softmax, or auto: the square root of the vocabulary size from 1000 entries up (default: auto).")
  String outputClasses;

  @Option(names = "--layers", description = "Stacked recurrent layers (default: 2).")
  Integer layers;

  @Option(names = "--embedding-size", description = "Default: 200.")
  Integer embeddingSize;

  @Option(names = "--hidden-size", description = "Default: 200.")
  Integer hiddenSize;

  @Option(names = "--dropout", description = "Dropout probability on non-recurrent connections (default: 0).")
  Double dropout;

  @Option(names = "--bptt", description = "Truncated-BPTT length in steps (default: 35).")
  Integer bptt;

  @Option(names = "--batch-size", description = "Parallel rows of the text stream (default: 20).")
  Integer batchSize;

  @Option(names = "--updater", description = "sgd, or adam with --engine dl4j (default: sgd).")
  String updater;

  @Option(names = "--learning-rate", description = "Default: 1.0.")
  Double learningRate;

  @Option(names = "--lr-decay", description = "Learning-rate factor after a validation without improvement "
      + "and per epoch from --decay-start-epoch (default: 0.5).")
  Double learningRateDecay;

  @Option(names = "--decay-start-epoch", description = "Decay the learning rate after every epoch from this "
      + "one on, as well as on a validation without improvement; 0 for never (default: 0).")
  Integer decayStartEpoch;

  @Option(names = "--clip-norm", description = "Largest global gradient norm; 0 turns clipping off (default: 5).")
  Double clipNorm;

  @Option(names = "--epochs", description = "Default: 13.")
  Integer epochs;

  @Option(names = "--validations-per-epoch", description = "Default: 1.")
  Integer validationsPerEpoch;

  @Option(names = "--patience", description = "Validations without improvement before stopping (default: 3).")
  Integer patience;

  @Option(names = "--max-tokens", description = "Stop after this many training tokens (default: no limit).")
  Integer maxTokens;

  @Option(names = "--max-minutes", description = "Stop after this many minutes of training (default: no limit).")
  Double maxMinutes;

  @Option(names = "--cutoff", description = "Minimum count of a vocabulary entry (default: 1).")
  Integer cutoff;

  @Option(names = "--vocabulary-size", description = "Largest vocabulary, <eos> and <unk> included "
      + "(default: no limit).")
  Integer vocabularySize;

  @Option(names = "--seed", description = "Random seed for weight initialisation (default: 1).")
  Integer seed;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    TrainingParameters parameters = new TrainingParameters();
    put(parameters, RnnLmTrainer.TOKEN_UNIT, unit);
    put(parameters, RnnLmTrainer.CELL, cell);
    put(parameters, RnnLmTrainer.ENGINE, engine);
    put(parameters, RnnLmTrainer.THREADS, threads);
    put(parameters, RnnLmTrainer.OUTPUT_CLASSES, outputClasses);
    put(parameters, RnnLmTrainer.DECAY_START_EPOCH, decayStartEpoch);
    put(parameters, RnnLmTrainer.LAYERS, layers);
    put(parameters, RnnLmTrainer.EMBEDDING_SIZE, embeddingSize);
    put(parameters, RnnLmTrainer.HIDDEN_SIZE, hiddenSize);
    put(parameters, RnnLmTrainer.DROPOUT, dropout);
    put(parameters, RnnLmTrainer.BPTT_LENGTH, bptt);
    put(parameters, RnnLmTrainer.BATCH_SIZE, batchSize);
    put(parameters, RnnLmTrainer.UPDATER, updater);
    put(parameters, RnnLmTrainer.LEARNING_RATE, learningRate);
    put(parameters, RnnLmTrainer.LEARNING_RATE_DECAY, learningRateDecay);
    put(parameters, RnnLmTrainer.CLIP_NORM, clipNorm);
    put(parameters, RnnLmTrainer.EPOCHS, epochs);
    put(parameters, RnnLmTrainer.VALIDATIONS_PER_EPOCH, validationsPerEpoch);
    put(parameters, RnnLmTrainer.PATIENCE, patience);
    put(parameters, RnnLmTrainer.MAX_TOKENS, maxTokens);
    put(parameters, RnnLmTrainer.MAX_MINUTES, maxMinutes);
    put(parameters, RnnLmTrainer.CUTOFF, cutoff);
    put(parameters, RnnLmTrainer.VOCABULARY_SIZE, vocabularySize);
    put(parameters, RnnLmTrainer.SEED, seed);
    RnnLanguageModel model = new RnnLmTrainer(parameters, true).train(train, valid, workDirectory);
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

  private static void put(TrainingParameters parameters, String key, Object value) {
    if (value != null) {
      parameters.put(key, value.toString());
    }
  }
}
