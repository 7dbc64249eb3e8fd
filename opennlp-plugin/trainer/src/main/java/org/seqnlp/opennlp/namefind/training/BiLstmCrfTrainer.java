package org.seqnlp.opennlp.namefind.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.opennlp.namefind.network.LinearChainCrf;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.progress.Progress;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.vectors.WordVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link BiLstmCrfNetwork}. DL4J trains the BiLSTM and the emission layer
 * ({@link EmissionNetwork}); the word embeddings, the character CNN and the CRF scores live in plain
 * arrays that this class back-propagates into and updates with Adam, so that the exported network
 * uses the very arrays that were trained. Gazetteer match features ({@link TrainingSettings#gazetteers()})
 * are fixed inputs appended to each token's features: computed once per sentence, no gradient.
 *
 * <p>Each batch holds sentences of one length (no padding); the batch order is shuffled every epoch
 * with the fixed seed.
 * After every epoch the network is scored on the development set (when given) with the plain-Java
 * tagger; training stops after {@code patience} epochs without improvement and returns the best
 * network.
 */
public final class BiLstmCrfTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(BiLstmCrfTrainer.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Chance that a word seen once in training is replaced by the unknown word, to train its vector. */
  private static final double SINGLETON_DROPOUT = 0.3;

  /** Scores a network on development data; higher is better (e.g. entity F1). */
  @FunctionalInterface
  public interface DevelopmentScore {
    double score(BiLstmCrfNetwork network);
  }

  private final TrainingSettings settings;
  private final boolean showProgress;

  public BiLstmCrfTrainer(TrainingSettings settings, boolean showProgress) {
    this.settings = settings;
    this.showProgress = showProgress;
  }

  /**
   * @param labels label names, indexed by {@link LabeledSentence#labels()}
   * @param vectors pretrained word vectors to initialise the embeddings, or null for random ones
   * @param development scores each epoch's network for early stopping, or null to train all epochs
   */
  public BiLstmCrfNetwork train(List<String> labels, List<LabeledSentence> sentences, WordVectors vectors,
      DevelopmentScore development) throws IOException {
    List<LabeledSentence> usable = sentences.stream().filter(s -> s.length() > 0).toList();
    if (usable.isEmpty()) {
      throw new IllegalArgumentException("no training sentences");
    }
    Gazetteer gazetteer = settings.gazetteers().isEmpty() ? null : GazetteerFiles.read(settings.gazetteers());
    Session session = new Session(labels, usable, vectors, gazetteer);
    BiLstmCrfNetwork best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int epochsWithoutGain = 0;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long started = System.nanoTime();
      long cpuStarted = THREADS.getCurrentThreadCpuTime();
      double loss = session.epoch(epoch);
      // With OMP_NUM_THREADS=1 all ND4J work runs on this thread: its CPU time is the cost on one free core.
      String time = String.format("%.1f s (%.1f s CPU)", (System.nanoTime() - started) / 1e9,
          (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
      BiLstmCrfNetwork network = session.export();
      if (development == null) {
        best = network;
        LOG.info("epoch {}: loss {} per sentence, {}", epoch, String.format("%.3f", loss), time);
        writeCheckpoint(network);
        continue;
      }
      double score = development.score(network);
      LOG.info("epoch {}: loss {} per sentence, {}, development score {}", epoch, String.format("%.3f", loss),
          time, String.format("%.4f", score));
      if (score > bestScore) {
        bestScore = score;
        best = network;
        epochsWithoutGain = 0;
        writeCheckpoint(network);
      } else if (settings.patience() > 0 && ++epochsWithoutGain >= settings.patience()) {
        LOG.info("stopping early: no gain for {} epochs; best development score {}", epochsWithoutGain,
            String.format("%.4f", bestScore));
        break;
      }
    }
    return best;
  }

  private void writeCheckpoint(BiLstmCrfNetwork network) throws IOException {
    Path checkpoint = settings.checkpoint();
    if (checkpoint == null) {
      return;
    }
    OutputFiles.write(checkpoint, out -> BiLstmCrfNetworkFormat.write(network, out));
  }

  /** The parameters and optimiser state of one training run. */
  private final class Session {
    private final List<String> labels;
    private final List<LabeledSentence> sentences;
    private final Random random;
    private final Vocabulary words;
    private final Set<Integer> singletons;
    private final int wordDimension;
    private final AdamParameter wordEmbeddings;
    private final AdamParameter charEmbeddings;
    private final AdamParameter convolutionWeights;
    private final AdamParameter convolutionBias;
    private final AdamParameter start;
    private final AdamParameter end;
    private final AdamParameter transitions;
    private final Vocabulary chars;
    /** Null without gazetteer features. */
    private final Gazetteer gazetteer;
    /** The gazetteer features of each sentence, as {@link Gazetteer#features} gives them; null without. */
    private final float[][] matches;
    /** Rebuilt before every batch: it tabulates the character CNN from the current weights. */
    private TokenEncoder encoder;
    private final LinearChainCrf crf;
    private final CrfLoss loss;
    private final EmissionNetwork emissions;
    private final List<int[]> batches;
    private int step;

    Session(List<String> labels, List<LabeledSentence> sentences, WordVectors vectors, Gazetteer gazetteer) {
      this.labels = List.copyOf(labels);
      this.sentences = sentences;
      this.gazetteer = gazetteer;
      this.matches = gazetteer == null ? null
          : sentences.stream().map(sentence -> gazetteer.features(sentence.tokens())).toArray(float[][]::new);
      this.random = new Random(settings.seed());
      Map<String, Integer> counts = new HashMap<>();
      Map<String, Integer> charCounts = new HashMap<>();
      for (LabeledSentence sentence : sentences) {
        for (String token : sentence.tokens()) {
          counts.merge(TokenEncoder.normalize(token), 1, Integer::sum);
          for (int i = 0; i < token.length(); i++) {
            charCounts.merge(String.valueOf(token.charAt(i)), 1, Integer::sum);
          }
        }
      }
      wordDimension = vectors == null ? settings.wordDimension() : vectors.dimension();
      words = Vocabulary.of(wordList(counts, vectors));
      List<String> charSymbols = new ArrayList<>(List.of(SpecialTokens.UNKNOWN, SpecialTokens.PADDING));
      charSymbols.addAll(byFrequency(charCounts));
      chars = Vocabulary.of(charSymbols);
      singletons = new HashSet<>();
      counts.forEach((word, count) -> {
        if (count == 1 && (vectors == null || vectors.indexOf(word) < 0)) {
          singletons.add(words.id(word));
        }
      });
      singletons.remove(words.unknownId());

      wordEmbeddings = new AdamParameter(initialWordEmbeddings(vectors));
      int charDimension = settings.charDimension();
      int filters = settings.charFilters();
      charEmbeddings = new AdamParameter(uniform(chars.size() * charDimension, Math.sqrt(3.0 / charDimension)));
      int fanIn = TokenEncoder.KERNEL_WIDTH * charDimension;
      convolutionWeights = new AdamParameter(uniform(filters * fanIn, Math.sqrt(6.0 / (fanIn + filters))));
      convolutionBias = new AdamParameter(new float[filters]);
      encoder = currentEncoder();
      int labelCount = labels.size();
      start = new AdamParameter(new float[labelCount]);
      end = new AdamParameter(new float[labelCount]);
      transitions = new AdamParameter(new float[labelCount * labelCount]);
      crf = new LinearChainCrf(labelCount, start.values(), end.values(), transitions.values());
      loss = new CrfLoss();
      loss.attach(crf);
      emissions = new EmissionNetwork(encoder.outputDimension() + gazetteerSize(), settings.hidden(), labelCount,
          settings, loss);
      batches = bucketByLength();
      LOG.info("{} sentences in {} batches, {} words, {} characters, {} labels{}{}", sentences.size(),
          batches.size(), words.size(), chars.size(), labelCount,
          vectors == null ? "" : ", embeddings from word vectors", gazetteer == null ? "" : ", " + matchSummary());
    }

    private int gazetteerSize() {
      return gazetteer == null ? 0 : gazetteer.featureSize();
    }

    /** How many training tokens the gazetteer matches, per type: a list that matches nothing is a mistake. */
    private String matchSummary() {
      List<String> types = gazetteer.types();
      long[] matched = new long[types.size()];
      for (float[] sentence : matches) {
        for (int at = 0; at < sentence.length; at += Gazetteer.POSITIONS) {
          for (int p = 0; p < Gazetteer.POSITIONS; p++) {
            if (sentence[at + p] != 0f) {
              matched[at / Gazetteer.POSITIONS % types.size()]++;
            }
          }
        }
      }
      List<String> parts = new ArrayList<>();
      for (int type = 0; type < types.size(); type++) {
        parts.add(types.get(type) + " " + matched[type]);
      }
      return "gazetteer matches on training tokens: " + String.join(", ", parts);
    }

    private TokenEncoder currentEncoder() {
      return new TokenEncoder(words, chars, wordDimension, settings.charDimension(), settings.charFilters(),
          settings.maxWordChars(), wordEmbeddings.values(), charEmbeddings.values(), convolutionWeights.values(),
          convolutionBias.values());
    }

    private List<String> wordList(Map<String, Integer> counts, WordVectors vectors) {
      List<String> list = new ArrayList<>();
      list.add(SpecialTokens.UNKNOWN);
      // A text token spelled like a special token would collide with it; it is read as unknown.
      List<String> trainingWords = byFrequency(counts).stream().filter(w -> !SpecialTokens.isSpecial(w)).toList();
      list.addAll(trainingWords.subList(0, Math.min(trainingWords.size(), settings.maxVocabulary() - 1)));
      if (vectors != null) {
        Set<String> seen = new HashSet<>(list);
        for (int i = 0; i < vectors.size() && list.size() < settings.maxVocabulary(); i++) {
          String word = TokenEncoder.normalize(vectors.word(i));
          if (!SpecialTokens.isSpecial(word) && seen.add(word)) {
            list.add(word);
          }
        }
      }
      return list;
    }

    private List<String> byFrequency(Map<String, Integer> counts) {
      List<String> symbols = new ArrayList<>(counts.keySet());
      symbols.sort(Comparator.comparing((String s) -> -counts.get(s)).thenComparing(Comparator.naturalOrder()));
      return symbols;
    }

    private float[] initialWordEmbeddings(WordVectors vectors) {
      float[] values = uniform(words.size() * wordDimension, Math.sqrt(3.0 / wordDimension));
      if (vectors == null) {
        return values;
      }
      // Vectors of the exact word win over those of other spellings with the same normal form.
      BitSet fromExactWord = new BitSet(words.size());
      for (int i = 0; i < vectors.size(); i++) {
        String word = vectors.word(i);
        int row = words.id(TokenEncoder.normalize(word));
        boolean exact = word.equals(TokenEncoder.normalize(word));
        if (row != words.unknownId() && (exact || !fromExactWord.get(row))) {
          System.arraycopy(vectors.vector(i), 0, values, row * wordDimension, wordDimension);
          if (exact) {
            fromExactWord.set(row);
          }
        }
      }
      return values;
    }

    private float[] uniform(int size, double limit) {
      float[] values = new float[size];
      for (int i = 0; i < size; i++) {
        values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
      return values;
    }

    /**
     * Batches of sentences of one length: DL4J's backward LSTM would run through the padding of
     * shorter sentences and learn something the unpadded tagger never computes.
     */
    private List<int[]> bucketByLength() {
      Map<Integer, List<Integer>> byLength = new java.util.TreeMap<>();
      for (int i = 0; i < sentences.size(); i++) {
        byLength.computeIfAbsent(sentences.get(i).length(), length -> new ArrayList<>()).add(i);
      }
      List<int[]> result = new ArrayList<>();
      for (List<Integer> bucket : byLength.values()) {
        Collections.shuffle(bucket, random);
        for (int from = 0; from < bucket.size(); from += settings.batchSize()) {
          int to = Math.min(bucket.size(), from + settings.batchSize());
          result.add(bucket.subList(from, to).stream().mapToInt(Integer::intValue).toArray());
        }
      }
      return result;
    }

    /** One pass over the training set; returns the mean loss per sentence. */
    double epoch(int epoch) {
      Collections.shuffle(batches, random);
      double total = 0;
      try (Progress progress = showProgress
          ? Progress.start("epoch " + epoch, sentences.size(), "sentences")
          : Progress.silent("epoch " + epoch, sentences.size(), "sentences")) {
        for (int[] batch : batches) {
          total += trainBatch(batch);
          progress.advance(batch.length);
        }
      }
      return total / sentences.size();
    }

    private double trainBatch(int[] batch) {
      encoder = currentEncoder();
      int batchSize = batch.length;
      int timeSteps = sentences.get(batch[0]).length();
      int[] lengths = new int[batchSize];
      Arrays.fill(lengths, timeSteps);
      int tokenWidth = encoder.outputDimension();
      int matchWidth = gazetteerSize();
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
          if (singletons.contains(row) && random.nextDouble() < SINGLETON_DROPOUT) {
            row = words.unknownId();
          }
          wordRows[b][t] = row;
          windows[b][t] = encoder.charWindow(token);
          System.arraycopy(wordEmbeddings.values(), row * wordDimension, tokenFeatures, 0, wordDimension);
          encoder.encodeCharacters(windows[b][t], tokenFeatures, wordDimension, winners[b][t]);
          for (int d = 0; d < tokenWidth; d++) {
            features[(b * featureSize + d) * timeSteps + t] = tokenFeatures[d];
          }
          for (int d = 0; d < matchWidth; d++) {
            features[(b * featureSize + tokenWidth + d) * timeSteps + t] = matches[batch[b]][t * matchWidth + d];
          }
          gold[(b * labelCount + sentence.labels()[t]) * timeSteps + t] = 1f;
        }
      }
      loss.prepare(batchSize, timeSteps, lengths);
      float[] inputGradient = emissions.step(features, gold, batchSize, timeSteps);
      step++;
      BitSet touchedRows = new BitSet(words.size());
      for (int b = 0; b < batchSize; b++) {
        for (int t = 0; t < lengths[b]; t++) {
          backpropagateToken(features, inputGradient, (b * featureSize) * timeSteps + t, timeSteps, wordRows[b][t],
              windows[b][t], winners[b][t], touchedRows);
        }
      }
      applyEncoderStep(touchedRows, 1.0 / batchSize);
      applyCrfStep(1.0 / batchSize);
      return loss.lastScore();
    }

    /**
     * Adds one token's share of the input gradient to the embedding and CNN gradients. {@code at} is
     * the index of feature 0 of the token in the {@code [batch, features, time]} features and gradient.
     * The gradient of the gazetteer features, which come last, is not used: they are fixed inputs.
     */
    private void backpropagateToken(float[] features, float[] inputGradient, int at, int timeSteps, int wordRow, int[] window,
        int[] winners, BitSet touchedRows) {
      float[] wordGradient = wordEmbeddings.gradient();
      for (int d = 0; d < wordDimension; d++) {
        wordGradient[wordRow * wordDimension + d] += inputGradient[at + d * timeSteps];
      }
      touchedRows.set(wordRow);
      int charDimension = encoder.charDimension();
      int span = TokenEncoder.KERNEL_WIDTH * charDimension;
      float[] chars = charEmbeddings.values();
      float[] charGradient = charEmbeddings.gradient();
      float[] weights = convolutionWeights.values();
      float[] weightGradient = convolutionWeights.gradient();
      float[] biasGradient = convolutionBias.gradient();
      for (int f = 0; f < winners.length; f++) {
        int feature = at + (wordDimension + f) * timeSteps;
        float activation = features[feature];
        float g = inputGradient[feature] * (1 - activation * activation);
        if (g == 0f) {
          continue;
        }
        biasGradient[f] += g;
        for (int k = 0; k < TokenEncoder.KERNEL_WIDTH; k++) {
          int charRow = window[winners[f] + k] * charDimension;
          int weightRow = f * span + k * charDimension;
          for (int c = 0; c < charDimension; c++) {
            weightGradient[weightRow + c] += g * chars[charRow + c];
            charGradient[charRow + c] += g * weights[weightRow + c];
          }
        }
      }
    }

    private void applyEncoderStep(BitSet touchedRows, double scale) {
      double squaredNorm = charEmbeddings.squaredNorm() + convolutionWeights.squaredNorm()
          + convolutionBias.squaredNorm();
      for (int row = touchedRows.nextSetBit(0); row >= 0; row = touchedRows.nextSetBit(row + 1)) {
        squaredNorm += wordEmbeddings.squaredNorm(row * wordDimension, (row + 1) * wordDimension);
      }
      double clippedScale = clip(squaredNorm, scale);
      double rate = settings.learningRate();
      for (int row = touchedRows.nextSetBit(0); row >= 0; row = touchedRows.nextSetBit(row + 1)) {
        wordEmbeddings.step(row * wordDimension, (row + 1) * wordDimension, rate, clippedScale, step);
      }
      charEmbeddings.step(rate, clippedScale, step);
      convolutionWeights.step(rate, clippedScale, step);
      convolutionBias.step(rate, clippedScale, step);
    }

    private void applyCrfStep(double scale) {
      copy(loss.startGradient(), start.gradient());
      copy(loss.endGradient(), end.gradient());
      copy(loss.transitionGradient(), transitions.gradient());
      double clippedScale = clip(start.squaredNorm() + end.squaredNorm() + transitions.squaredNorm(), scale);
      double rate = settings.learningRate();
      start.step(rate, clippedScale, step);
      end.step(rate, clippedScale, step);
      transitions.step(rate, clippedScale, step);
    }

    /** The scale that also clips a gradient of the given squared norm (before scaling) to the limit. */
    private double clip(double squaredNorm, double scale) {
      double norm = Math.sqrt(squaredNorm) * scale;
      return norm > settings.gradientClip() ? scale * settings.gradientClip() / norm : scale;
    }

    private static void copy(double[] from, float[] to) {
      for (int i = 0; i < from.length; i++) {
        to[i] = (float) from[i];
      }
    }

    /** A snapshot of the current parameters as a plain-Java network. */
    BiLstmCrfNetwork export() {
      TokenEncoder snapshot = new TokenEncoder(words, chars, wordDimension, settings.charDimension(),
          settings.charFilters(), settings.maxWordChars(), wordEmbeddings.values().clone(),
          charEmbeddings.values().clone(), convolutionWeights.values().clone(), convolutionBias.values().clone());
      LinearChainCrf crfSnapshot = new LinearChainCrf(labels.size(), start.values().clone(),
          end.values().clone(), transitions.values().clone());
      return new BiLstmCrfNetwork(labels, snapshot, gazetteer, emissions.exportLstm(false), emissions.exportLstm(true),
          emissions.exportOutputWeights(), emissions.exportOutputBias(), crfSnapshot);
    }
  }

}
