package org.seqnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.nn.BiLstmCrfNetwork;
import org.seqnlp.opennlp.nn.BiLstmCrfNetworkFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp train-ner}: trains a BiLSTM-CRF name finder through OpenNLP's {@code NameFinderME.train}
 * and writes a normal {@code TokenNameFinderModel} zip.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    description = {"Trains a BiLSTM-CRF name finder (word embeddings, character CNN, BiLSTM, CRF) and writes an"
        + " OpenNLP TokenNameFinderModel that NameFinderME and the opennlp tools load.",
        "Set OMP_NUM_THREADS=1 on small machines: ND4J's default thread pool slows training down."})
final class TrainNerCommand implements Callable<Integer> {

  @Option(names = "--train", paramLabel = "FILE", description = "Training data (CoNLL columns).")
  Path train;

  @Option(names = "--from-checkpoint", paramLabel = "FILE",
      description = "Instead of training, wrap a checkpoint written by --checkpoint into a model zip.")
  Path fromCheckpoint;

  @Option(names = "--dev", paramLabel = "FILE",
      description = "Development data for early stopping (CoNLL columns); without it all epochs run.")
  Path dev;

  @CommandLine.Mixin
  ConllDataOptions data;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The model zip to write.")
  Path output;

  @Option(names = "--lang", defaultValue = "eng", paramLabel = "CODE",
      description = "Language code stored in the model (default: ${DEFAULT-VALUE}).")
  String language;

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

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 42).")
  Integer seed;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Where the best network so far is written after every improving epoch.")
  Path checkpoint;

  @Option(names = "--max-sentences", defaultValue = "0", paramLabel = "N",
      description = "Train on the first N sentences only (0: all), for quick runs.")
  int maxSentences;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxSentences < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-sentences must not be negative");
    }
    NerFiles.allowSeqNlpExtensions();
    if ((train == null) == (fromCheckpoint == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give either --train or --from-checkpoint");
    }
    if (fromCheckpoint != null) {
      BiLstmCrfNetwork network;
      try (InputStream in = Files.newInputStream(fromCheckpoint)) {
        network = BiLstmCrfNetworkFormat.read(in, fromCheckpoint.toString());
      }
      write(new BiLstmCrfSequenceModel(network).toNameFinderModel(language));
      spec.commandLine().getOut().printf("model written to %s%n", output);
      return 0;
    }
    TrainingParameters parameters = parameters();
    List<NameSample> samples = data.read(spec, train, maxSentences);
    long started = System.nanoTime();
    TokenNameFinderModel model = NameFinderME.train(language, null, ObjectStreamUtils.createObjectStream(samples),
        parameters, new TokenNameFinderFactory());
    write(model);
    spec.commandLine().getOut().printf("trained on %d sentences in %.1f s; model written to %s%n", samples.size(),
        (System.nanoTime() - started) / 1e9, output);
    return 0;
  }

  /** Writes the model beside the output first, so a failure never leaves a broken model file. */
  private void write(TokenNameFinderModel model) throws IOException {
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      model.serialize(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
  }

  private TrainingParameters parameters() {
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
    return parameters;
  }

  private static void putIfSet(TrainingParameters parameters, String key, Object value) {
    if (value != null) {
      parameters.put(key, value.toString());
    }
  }
}
