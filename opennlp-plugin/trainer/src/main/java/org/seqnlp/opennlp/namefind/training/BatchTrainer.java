package org.seqnlp.opennlp.namefind.training;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;

/**
 * One network under training and its step on a batch: the token encoder's features go through DL4J's
 * {@link EmissionNetwork} and {@link CrfLoss}, whose input gradient flows back into the token encoder.
 */
final class BatchTrainer {

  /** Chance that a word seen once in training is replaced by the unknown word, to train its vector. */
  private static final double SINGLETON_DROPOUT = 0.3;

  private final TrainingSettings settings;
  private final List<String> labels;
  private final List<LabeledSentence> sentences;
  private final Random random;
  private final TrainingVocabulary vocabulary;
  private final GazetteerMatches matches;
  private final TrainableTokenEncoder tokenEncoder;
  private final TrainableCrf crf;
  private final EmissionNetwork emissions;
  private int step;

  /** @param matches the gazetteer features of {@code sentences} */
  BatchTrainer(TrainingSettings settings, List<String> labels, List<LabeledSentence> sentences,
      TrainingVocabulary vocabulary, GazetteerMatches matches, TrainableTokenEncoder tokenEncoder,
      Random random) {
    this.settings = settings;
    this.labels = List.copyOf(labels);
    this.sentences = sentences;
    this.random = random;
    this.vocabulary = vocabulary;
    this.matches = matches;
    this.tokenEncoder = tokenEncoder;
    crf = new TrainableCrf(labels.size(), settings.averageDecay());
    emissions = new EmissionNetwork(tokenEncoder.current().outputDimension() + matches.width(),
        settings.hidden(), labels.size(), settings, crf.loss());
  }

  /** Trains on the sentences of {@code batch}, all of one length; returns their summed loss. */
  double train(int[] batch) {
    TokenEncoder encoder = tokenEncoder.current();
    int batchSize = batch.length;
    int timeSteps = sentences.get(batch[0]).length();
    int[] lengths = new int[batchSize];
    Arrays.fill(lengths, timeSteps);
    int tokenWidth = encoder.outputDimension();
    int wordDimension = tokenEncoder.wordDimension();
    int matchWidth = matches.width();
    int featureSize = tokenWidth + matchWidth;
    int filters = encoder.charFilters();
    int labelCount = labels.size();
    float[] features = new float[batchSize * featureSize * timeSteps];
    float[] gold = new float[batchSize * labelCount * timeSteps];
    int[][] wordRows = new int[batchSize][];
    int[][][] windows = new int[batchSize][][];
    int[][][] winners = new int[batchSize][][];
    float[] tokenFeatures = new float[tokenWidth];
    for (int b = 0; b < batchSize; b++) {
      LabeledSentence sentence = sentences.get(batch[b]);
      wordRows[b] = new int[lengths[b]];
      windows[b] = new int[lengths[b]][];
      winners[b] = new int[lengths[b]][filters];
      for (int t = 0; t < lengths[b]; t++) {
        String token = sentence.tokens()[t];
        int row = encoder.wordIndex(token);
        if (vocabulary.isSingleton(row) && random.nextDouble() < SINGLETON_DROPOUT) {
          row = vocabulary.words().unknownId();
        }
        wordRows[b][t] = row;
        windows[b][t] = encoder.charWindow(token);
        tokenEncoder.copyWordVector(row, tokenFeatures);
        encoder.encodeCharacters(windows[b][t], tokenFeatures, wordDimension, winners[b][t]);
        for (int d = 0; d < tokenWidth; d++) {
          features[(b * featureSize + d) * timeSteps + t] = tokenFeatures[d];
        }
        for (int d = 0; d < matchWidth; d++) {
          features[(b * featureSize + tokenWidth + d) * timeSteps + t] = matches.of(batch[b])[t * matchWidth + d];
        }
        gold[(b * labelCount + sentence.labels()[t]) * timeSteps + t] = 1f;
      }
    }
    crf.loss().prepare(batchSize, timeSteps, lengths);
    float[] inputGradient = emissions.step(features, gold, batchSize, timeSteps);
    step++;
    for (int b = 0; b < batchSize; b++) {
      for (int t = 0; t < lengths[b]; t++) {
        tokenEncoder.backpropagate(features, inputGradient, (b * featureSize) * timeSteps + t, timeSteps,
            wordRows[b][t], windows[b][t], winners[b][t]);
      }
    }
    tokenEncoder.step(1.0 / batchSize, settings.learningRate(), settings.gradientClip(), step);
    crf.step(1.0 / batchSize, settings.learningRate(), settings.gradientClip(), step);
    return crf.loss().lastScore();
  }

  /** The steps taken so far. */
  int steps() {
    return step;
  }

  /** Adds every trained array and its optimiser's state to {@code state}, for {@link #restore}. */
  void save(TensorBundle state) {
    for (Map.Entry<String, AdamParameter> parameter : plainJavaParameters().entrySet()) {
      parameter.getValue().save(state, parameter.getKey(), step);
    }
    emissions.save(state);
  }

  /** Continues from the arrays {@link #save} wrote after {@code steps} steps. */
  void restore(TensorBundle state, int steps) throws InputFormatException {
    for (Map.Entry<String, AdamParameter> parameter : plainJavaParameters().entrySet()) {
      parameter.getValue().restore(state, parameter.getKey(), steps);
    }
    emissions.restore(state, steps);
    step = steps;
  }

  /** The arrays trained outside DL4J, by name. */
  private Map<String, AdamParameter> plainJavaParameters() {
    Map<String, AdamParameter> parameters = new TreeMap<>(tokenEncoder.parameters());
    parameters.putAll(crf.parameters());
    return parameters;
  }

  /** A snapshot of the current parameters as a plain-Java network. */
  BiLstmCrfNetwork network() {
    return new BiLstmCrfNetwork(labels, tokenEncoder.snapshot(), matches.gazetteer(), emissions.exportLstm(false),
        emissions.exportLstm(true), emissions.exportOutputWeights(), emissions.exportOutputBias(), crf.snapshot());
  }

  /** The moving average of the parameters ({@link TrainingSettings#averageDecay}) as a plain-Java network. */
  BiLstmCrfNetwork averagedNetwork() {
    return emissions.withAverage(() -> new BiLstmCrfNetwork(labels, tokenEncoder.averaged(step), matches.gazetteer(),
        emissions.exportLstm(false), emissions.exportLstm(true), emissions.exportOutputWeights(),
        emissions.exportOutputBias(), crf.averaged(step)));
  }
}
