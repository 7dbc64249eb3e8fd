package org.seqnlp.opennlp.namefind.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.namefind.BioCodec;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link BiLstmCrfNetwork}: the epochs, early stopping and checkpoints. DL4J trains the BiLSTM
 * and the emission layer ({@link EmissionNetwork}); the word embeddings, the character CNN
 * ({@link TrainableTokenEncoder}) and the CRF scores ({@link TrainableCrf}) live in plain arrays that
 * {@link BatchTrainer} back-propagates into and updates with Adam, so that the exported network uses the
 * very arrays that were trained. Gazetteer match features ({@link TrainingSettings#gazetteers()})
 * are fixed inputs appended to each token's features: computed once per sentence, no gradient. Training
 * runs on float embeddings; each epoch's network is stored with {@link TrainingSettings#embeddingBits()}.
 *
 * <p>Each batch holds sentences of one length (no padding, {@link LengthBatches}); the batch order is
 * shuffled every epoch with the fixed seed.
 * After every epoch the network is scored on the development set (when given) with the plain-Java
 * tagger; training stops after {@code patience} epochs without improvement and returns the best
 * network. With {@link TrainingSettings#averageDecay} each epoch's network is the moving average of the weights.
 *
 * <p>With a {@link TrainingSettings#checkpoint}, the run's state is saved beside it after every epoch ({@link
 * TrainingRunState}) and deleted when the run ends; the same training started again after an interruption resumes
 * after the last epoch saved, with the optimiser's state and the early-stopping state as they were. Its random draws
 * from there on (batch order, dropout) differ from those the uninterrupted run would have made: it trains as well,
 * not to the same bits.
 */
public final class BiLstmCrfTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(BiLstmCrfTrainer.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Apart from the seed, per epoch resumed after, for the random draws of a resumed run. */
  private static final long RESUMED_SEED_STEP = 0x9E3779B97F4A7C15L;

  /** Scores a network on development data; higher is better (e.g. entity F1). */
  @FunctionalInterface
  public interface DevelopmentScore {
    double score(BiLstmCrfNetwork network);

    /**
     * What identifies the data scored on, e.g. a digest: a run resumes only with the data it was scored on. Scores
     * that keep the default cannot be told apart.
     */
    default String identity() {
      return "given in code";
    }
  }

  private final TrainingSettings settings;
  private final boolean showProgress;

  /** @throws IllegalArgumentException for settings that {@link TrainingSettings#validate} refuses */
  public BiLstmCrfTrainer(TrainingSettings settings, boolean showProgress) {
    this.settings = settings.validate();
    this.showProgress = showProgress;
  }

  /**
   * @param labels label names, indexed by {@link LabeledSentence#labels()}
   * @param vectors pretrained word vectors to initialise the embeddings, or null for random ones
   * @param development scores each epoch's network for early stopping, or null to train all epochs
   */
  public BiLstmCrfNetwork train(List<String> labels, List<LabeledSentence> sentences, WordVectors vectors,
      DevelopmentScore development) throws IOException {
    List<LabeledSentence> nonEmpty = sentences.stream().filter(s -> s.length() > 0).toList();
    if (nonEmpty.isEmpty()) {
      throw new IllegalArgumentException("no training sentences");
    }
    // Lower-case copies are drawn from the sentence-start copies too, as informal text breaks both conventions at once.
    List<LabeledSentence> usable = TrainingCopies.lowerCase(TrainingCopies.sentenceStarts(nonEmpty,
        settings.sentenceStartCopies(), labels.indexOf(BioCodec.OTHER), settings.seed()),
        settings.lowercaseCopies(), settings.seed());
    Gazetteer gazetteer = settings.gazetteers().isEmpty() ? null : GazetteerFiles.read(settings.gazetteers());
    // One random source in a fixed order of use (initial weights, batches, then each epoch) makes a seed reproducible.
    Random random = new Random(settings.seed());
    TrainingVocabulary vocabulary = new TrainingVocabulary(usable, vectors, settings.maxVocabulary());
    requireLoadable(labels, vocabulary.chars().size(), vectors);
    GazetteerMatches matches = new GazetteerMatches(gazetteer, usable);
    TrainableTokenEncoder tokenEncoder = new TrainableTokenEncoder(vocabulary, vectors, settings, random);
    BatchTrainer trainer = new BatchTrainer(settings, labels, usable, vocabulary, matches, tokenEncoder, random);
    LengthBatches batches = new LengthBatches(usable, settings.batchSize(), random);
    LOG.info("{} sentences{} in {} batches, {} words, {} characters, {} labels{}{}", nonEmpty.size(),
        usable.size() == nonEmpty.size() ? "" : " and " + (usable.size() - nonEmpty.size()) + " copies",
        batches.count(),
        vocabulary.words().size(), vocabulary.chars().size(), labels.size(),
        vectors == null ? "" : ", embeddings from word vectors", gazetteer == null ? "" : ", " + matches.summary());
    BiLstmCrfNetwork best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int epochsWithoutGain = 0;
    int firstEpoch = 1;
    TrainingRunState run = settings.checkpoint() == null ? null : new TrainingRunState(settings.checkpoint(),
        TrainingRunState.identity(settings, labels, usable, vectors, gazetteer,
            development == null ? null : development.identity()));
    if (run != null && run.exists()) {
      TrainingRunState.Resumed resumed = run.resume(trainer);
      best = resumed.best();
      bestScore = resumed.bestScore();
      epochsWithoutGain = resumed.epochsWithoutGain();
      firstEpoch = resumed.epoch() + 1;
      // The draws an uninterrupted run would make next are not saved; these are as good, not the same.
      random.setSeed(settings.seed() + (long) resumed.epoch() * RESUMED_SEED_STEP);
      LOG.info("resuming after epoch {} from {}", resumed.epoch(), TrainingRunState.fileFor(settings.checkpoint()));
      // A run stopped between writing an improved checkpoint and its state left the checkpoint one epoch ahead.
      writeCheckpoint(best);
      if (stopsEarly(development, epochsWithoutGain)) {
        LOG.info("the run had stopped early: no gain for {} epochs", epochsWithoutGain);
        run.finish();
        return best;
      }
    }
    for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
      long started = System.nanoTime();
      long cpuStarted = THREADS.getCurrentThreadCpuTime();
      double loss = epoch(epoch, trainer, batches, usable.size());
      // With OMP_NUM_THREADS=1 all ND4J work runs on this thread: its CPU time is the cost on one free core.
      String time = String.format("%.1f s (%.1f s CPU)", (System.nanoTime() - started) / 1e9,
          (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
      // Scored, checkpointed and returned as stored, so that early stopping sees what the model will hold.
      boolean averaging = settings.averageDecay() > 0;
      BiLstmCrfNetwork network = (averaging ? trainer.averagedNetwork() : trainer.network())
          .withEmbeddingBits(settings.embeddingBits());
      if (development == null) {
        best = network;
        LOG.info("epoch {}: loss {} per sentence, {}", epoch, String.format("%.3f", loss), time);
        writeCheckpoint(network);
      } else {
        double score = development.score(network);
        // The last step's weights are scored too, so that the log shows what the average gains.
        String lastStep = averaging ? String.format(Locale.ROOT, " (last step's weights %.4f)",
            development.score(trainer.network().withEmbeddingBits(settings.embeddingBits()))) : "";
        LOG.info("epoch {}: loss {} per sentence, {}, development score {}{}", epoch, String.format("%.3f", loss),
            time, String.format("%.4f", score), lastStep);
        if (score > bestScore) {
          bestScore = score;
          best = network;
          epochsWithoutGain = 0;
          writeCheckpoint(network);
        } else {
          epochsWithoutGain++;
        }
      }
      if (run != null && best != null) {
        run.save(epoch, trainer, best, bestScore, epochsWithoutGain);
      }
      if (stopsEarly(development, epochsWithoutGain)) {
        LOG.info("stopping early: no gain for {} epochs; best development score {}", epochsWithoutGain,
            String.format("%.4f", bestScore));
        break;
      }
    }
    if (run != null) {
      run.finish();
    }
    return best;
  }

  private boolean stopsEarly(DevelopmentScore development, int epochsWithoutGain) {
    return development != null && settings.patience() > 0 && epochsWithoutGain >= settings.patience();
  }

  /**
   * Refuses, before the first epoch, a network that {@link BiLstmCrfNetworkFormat} would refuse to load.
   *
   * @throws IllegalArgumentException naming the limit and the setting or data to change
   */
  private static void requireWeight(float value, String what) {
    if (Math.abs(value) > TensorBundle.MAX_WEIGHT) {
      throw new IllegalArgumentException(what + " holds " + value + ", beyond the " + (long) TensorBundle.MAX_WEIGHT
          + " in magnitude a model's weights may have; scale the vectors down (to unit length, say) first");
    }
  }

  private void requireLoadable(List<String> labels, int characters, WordVectors vectors) {
    if (labels.size() > BiLstmCrfNetworkFormat.MAX_LABELS) {
      throw new IllegalArgumentException(labels.size() + " labels exceed the " + BiLstmCrfNetworkFormat.MAX_LABELS
          + " a model can hold: use fewer entity types");
    }
    String labelProblem = BiLstmCrfNetworkFormat.bioLabelProblem(labels);
    if (labelProblem != null) {
      throw new IllegalArgumentException("labels " + labels + ": " + labelProblem);
    }
    if (vectors != null && vectors.dimension() > TrainingSettings.MAX_WORD_DIMENSION) {
      throw new IllegalArgumentException("word vectors of " + vectors.dimension() + " dimensions exceed the "
          + TrainingSettings.MAX_WORD_DIMENSION + " of " + TrainingSettings.WORD_DIMENSION + "'s range");
    }
    if (vectors != null) {
      // They become the word embeddings, which the model's reader bounds as it bounds every weight; so do the
      // n-gram vectors, which give the training words outside the vocabulary theirs.
      for (int row = 0; row < vectors.size(); row++) {
        for (int component = 0; component < vectors.dimension(); component++) {
          requireWeight(vectors.get(row, component), "the vector of '" + vectors.word(row) + "'");
        }
      }
      if (vectors.subwords().isPresent()) {
        for (float value : vectors.subwords().get().copyOfMatrix()) {
          requireWeight(value, "an n-gram vector");
        }
      }
    }
    long product = (long) characters * settings.charFilters();
    if (product > BiLstmCrfNetworkFormat.MAX_CHARACTER_FILTERS) {
      throw new IllegalArgumentException(characters + " characters x " + settings.charFilters() + " filters ("
          + TrainingSettings.CHAR_FILTERS + ") exceed the " + BiLstmCrfNetworkFormat.MAX_CHARACTER_FILTERS
          + " a model can hold: use at most " + BiLstmCrfNetworkFormat.MAX_CHARACTER_FILTERS / characters
          + " filters");
    }
  }

  private void writeCheckpoint(BiLstmCrfNetwork network) throws IOException {
    Path checkpoint = settings.checkpoint();
    if (checkpoint == null) {
      return;
    }
    OutputFiles.write(checkpoint, out -> BiLstmCrfNetworkFormat.write(network, out));
  }

  /** One pass over the training set; returns the mean loss per sentence. */
  private double epoch(int epoch, BatchTrainer trainer, LengthBatches batches, int sentences) {
    double total = 0;
    try (Progress progress = showProgress
        ? Progress.start("epoch " + epoch, sentences, "sentences")
        : Progress.silent("epoch " + epoch, sentences, "sentences")) {
      for (int[] batch : batches.shuffled()) {
        total += trainer.train(batch);
        progress.advance(batch.length);
      }
    }
    return total / sentences;
  }
}
