package org.seqnlp.opennlp.lm.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.seqnlp.opennlp.lm.LmArchitecture;
import org.seqnlp.opennlp.lm.PerplexityScorer;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.SentenceFile;
import org.seqnlp.progress.Progress;
import org.seqnlp.vocabulary.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link RnnLanguageModel}: the training text is one stream (each line a sentence followed by the
 * end-of-sentence token) cut into {@code batchSize} parallel rows and learnt by truncated backpropagation
 * through time ({@link TrainingNetwork}). With a validation file, the learning rate is multiplied by {@code
 * learningRateDecay} whenever validation perplexity (each sentence scored alone, as the finished model
 * scores) does not improve, and after every epoch from {@code decayStartEpoch} on; training stops after
 * {@code patience} validations in a row without improvement, and the best model is the result.
 *
 * <p>Given a work directory, training writes a checkpoint there every {@code checkpointMinutes} and at
 * every validation ({@link TrainingCheckpoint}), and resumes from it when started again with the same
 * settings and training file.
 */
public final class RnnLmTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(RnnLmTrainer.class);
  /** TBPTT segments per {@code fit} call, between which the loop checks its budgets. */
  public static final int SEGMENTS_PER_FIT = 10;

  private final LmTrainingSettings settings;
  private final boolean showProgress;

  /** @throws IllegalArgumentException when a setting is out of range ({@link LmTrainingSettings#validate}) */
  public RnnLmTrainer(LmTrainingSettings settings, boolean showProgress) {
    this.settings = settings.validate();
    this.showProgress = showProgress;
  }

  /** The file in {@code workDirectory} that checkpoints are written to, for checking it before training. */
  public static Path checkpointFile(Path workDirectory) {
    return workDirectory.resolve(TrainingCheckpoint.CHECKPOINT);
  }

  /** The files in {@code workDirectory} that a run writes and a resumed run reads: no other output may replace them. */
  public static List<Path> workFiles(Path workDirectory) {
    return List.of(checkpointFile(workDirectory), workDirectory.resolve(TrainingCheckpoint.BEST));
  }

  /**
   * Trains on {@code trainFile}.
   *
   * @param validationFile sentences for early stopping and learning-rate decay, or null
   * @param workDirectory where checkpoints go and are resumed from, or null for none
   */
  public RnnLanguageModel train(Path trainFile, Path validationFile, Path workDirectory) throws IOException {
    TrainingCheckpoint checkpoint = workDirectory == null ? null
        : new TrainingCheckpoint(workDirectory, settings, trainFile);
    List<List<String>> trainSentences = SentenceFile.read(trainFile, settings.unit());
    Vocabulary saved = checkpoint == null ? null : checkpoint.vocabulary();
    Vocabulary vocabulary = saved != null ? saved
        : Vocabulary.build(countTokens(trainSentences), settings.cutoff(), settings.vocabularySize());
    int[] train = SentenceFile.encode(trainSentences, vocabulary);
    int[] classStarts = WordClasses.over(train, vocabulary.size(), settings.classesFor(vocabulary.size()));
    LmArchitecture architecture = new LmArchitecture(settings.unit(), settings.cell(), settings.layers(),
        settings.embeddingSize(), settings.hiddenSize(), classStarts == null ? 0 : classStarts.length - 1);
    int[][] validation = validationFile == null ? null
        : SentenceFile.encodeEach(SentenceFile.readToScore(validationFile, settings.unit()), vocabulary);
    if (train.length < 2 * settings.batchSize()) {
      throw new IllegalArgumentException(trainFile + ": " + train.length + " tokens are too few for "
          + settings.batchSize() + " rows of training");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("Data", trainFile.getFileName().toString());
    info.put("Tokens", Integer.toString(train.length));
    info.putAll(settings.all());
    ClippedSgd sgd = new ClippedSgd(settings.learningRate(), settings.clipNorm());
    try (TrainingNetwork network = new TrainingNetwork(architecture, vocabulary.size(), classStarts,
        settings.dropout(), settings.bpttLength(), settings.initScale(), settings.seed(), settings.threads(), sgd)) {
      Run run = new Run(network, sgd, vocabulary, train, validation, checkpoint, info);
      run.start();
      info.putAll(run.facts());
      return run.best().withTrainingInfo(info);
    }
  }

  static Map<String, Long> countTokens(List<List<String>> sentences) {
    Map<String, Long> counts = new HashMap<>();
    for (List<String> sentence : sentences) {
      for (String token : sentence) {
        counts.merge(token, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** One training run: the network, where it is in the data, and the bookkeeping to resume it. */
  private final class Run {
    private final TrainingNetwork network;
    private final ClippedSgd sgd;
    private final Vocabulary vocabulary;
    private final int[] train;
    private final int[][] validation;
    private final TrainingCheckpoint checkpoint;
    private final Map<String, String> info;
    private final int rows = settings.batchSize();
    private final int rowLength;
    private RnnLanguageModel best;
    private int epoch;
    private int position;
    private int badValidations;
    private double learningRate = settings.learningRate();
    private double bestPerplexity = Double.POSITIVE_INFINITY;
    private long tokensTrained;
    private long tokensAtLastValidation = -1;
    /** Summed since the last validation (or the start of this process), to log beside validation. */
    private double trainingCrossEntropy;
    private long trainingTokens;
    private double trainingSeconds;
    /** CPU time of the process while training (all its threads): on a shared machine a steadier measure
     * of cost than wall time. */
    private double trainingCpuSeconds;
    private String history = "";
    private String stopReason = "epochs done";

    Run(TrainingNetwork network, ClippedSgd sgd, Vocabulary vocabulary, int[] train, int[][] validation,
        TrainingCheckpoint checkpoint, Map<String, String> info) {
      this.network = network;
      this.sgd = sgd;
      this.vocabulary = vocabulary;
      this.train = train;
      this.validation = validation;
      this.checkpoint = checkpoint;
      this.info = info;
      this.rowLength = (train.length - 1) / rows;
    }

    void start() throws IOException {
      if (checkpoint != null && checkpoint.exists()) {
        resume();
      }
      int epochs = settings.epochs();
      long maxTokens = settings.maxTokens();
      double maxSeconds = settings.maxMinutes() * 60;
      double checkpointSeconds = settings.checkpointMinutes() * 60;
      int decayStart = settings.decayStartEpoch();
      int fitLength = SEGMENTS_PER_FIT * settings.bpttLength();
      int validationEvery = Math.max(1, rowLength / settings.validationsPerEpoch());
      long plannedTokens = maxTokens > 0 ? maxTokens : (long) epochs * rowLength * rows;
      double lastCheckpoint = trainingSeconds;
      try (Progress progress = showProgress ? Progress.start("training " + settings.cell() + " language model",
          plannedTokens, "tokens") : Progress.silent("training", plannedTokens, "tokens")) {
        progress.advance(tokensTrained);
        training:
        while (epoch < epochs) {
          while (position < rowLength) {
            // checked before fitting, so that a run resumed with its budget spent only writes the model
            if (maxTokens > 0 && tokensTrained >= maxTokens) {
              stopReason = "token budget reached";
              break training;
            }
            if (maxSeconds > 0 && trainingSeconds >= maxSeconds) {
              stopReason = "time budget reached";
              break training;
            }
            int length = Math.min(fitLength, rowLength - position);
            long started = System.nanoTime();
            long startedCpu = processCpuNanos();
            trainingCrossEntropy += network.fit(train, rows, position, length) * length * rows;
            trainingSeconds += (System.nanoTime() - started) / 1e9;
            trainingCpuSeconds += (processCpuNanos() - startedCpu) / 1e9;
            int previous = position;
            position += length;
            tokensTrained += (long) length * rows;
            trainingTokens += (long) length * rows;
            progress.advance((long) length * rows);
            boolean validate = validation != null
                && (position / validationEvery > previous / validationEvery || position == rowLength);
            if (validate && !validateAndDecay()) {
              stopReason = "early stopping: no improvement in " + badValidations + " validations";
              break training;
            }
            if (validate || trainingSeconds - lastCheckpoint >= checkpointSeconds) {
              checkpoint();
              lastCheckpoint = trainingSeconds;
            }
          }
          epoch++;
          position = 0;
          if (decayStart > 0 && epoch >= decayStart && epoch < epochs) {
            setLearningRate(learningRate * settings.learningRateDecay());
          }
        }
      }
      if (validation != null && tokensTrained != tokensAtLastValidation) {
        validateAndDecay();
      }
      checkpoint();
      LOG.info("stopped: {}; {} tokens in {} s ({} tokens/s)", stopReason, tokensTrained,
          Math.round(trainingSeconds), Math.round(tokensTrained / Math.max(trainingSeconds, 1e-9)));
    }

    private void setLearningRate(double rate) {
      learningRate = rate;
      network.setLearningRate(rate);
    }

    /** Measures validation perplexity; returns false when training should stop. */
    private boolean validateAndDecay() throws IOException {
      RnnLanguageModel current = network.toLanguageModel(vocabulary, info);
      double perplexity = new PerplexityScorer(current).ofSentences(validation).value();
      tokensAtLastValidation = tokensTrained;
      double epochs = epoch + (double) position / rowLength;
      String entry = String.format(Locale.ROOT, "%.2f:%.2f", epochs, perplexity);
      history = history.isEmpty() ? entry : history + " " + entry;
      // the training figure is measured while the weights change and under dropout: beside validation it shows
      // over- or underfitting, but it is no score of the model
      LOG.info("epoch {}: validation perplexity {}, training perplexity {} since the last validation{} "
          + "(learning rate {})", String.format(Locale.ROOT, "%.2f", epochs),
          String.format(Locale.ROOT, "%.2f", perplexity), trainingTokens == 0 ? "n/a"
              : String.format(Locale.ROOT, "%.2f", Math.exp(trainingCrossEntropy / trainingTokens)),
          settings.dropout() > 0 ? " under dropout" : "", learningRate);
      trainingCrossEntropy = 0;
      trainingTokens = 0;
      if (perplexity < bestPerplexity) {
        bestPerplexity = perplexity;
        badValidations = 0;
        best = current;
        if (checkpoint != null) {
          checkpoint.saveBest(best);
        }
        return true;
      }
      badValidations++;
      setLearningRate(learningRate * settings.learningRateDecay());
      return badValidations < settings.patience();
    }

    private void checkpoint() throws IOException {
      if (checkpoint == null) {
        return;
      }
      Map<String, String> state = new LinkedHashMap<>();
      state.put("epoch", Integer.toString(epoch));
      state.put("position", Integer.toString(position));
      state.put("badValidations", Integer.toString(badValidations));
      state.put("learningRate", Double.toString(learningRate));
      state.put("bestPerplexity", Double.toString(bestPerplexity));
      state.put("tokensTrained", Long.toString(tokensTrained));
      state.put("trainingSeconds", Double.toString(trainingSeconds));
      state.put("trainingCpuSeconds", Double.toString(trainingCpuSeconds));
      state.put("history", history);
      state.put("tokensAtLastValidation", Long.toString(tokensAtLastValidation));
      Properties statistics = new Properties();
      sgd.save(statistics);
      statistics.forEach((key, value) -> state.put(key.toString(), value.toString()));
      checkpoint.save(vocabulary, network, state);
    }

    /**
     * Continues from the checkpoint, its state checked against this run's data.
     *
     * @throws org.seqnlp.io.InputFormatException naming the checkpoint and the key of a damaged value
     */
    private void resume() throws IOException {
      TrainingCheckpoint.State state = checkpoint.state();
      epoch = state.integer("epoch", 0, Integer.MAX_VALUE);
      position = state.integer("position", 0, rowLength);
      badValidations = state.integer("badValidations", 0, Integer.MAX_VALUE);
      bestPerplexity = state.real("bestPerplexity", 1, Double.POSITIVE_INFINITY);
      tokensTrained = state.count("tokensTrained", 0, Long.MAX_VALUE);
      trainingSeconds = state.real("trainingSeconds", 0, Double.MAX_VALUE);
      trainingCpuSeconds = state.real("trainingCpuSeconds", 0, Double.MAX_VALUE);
      history = state.text("history");
      tokensAtLastValidation = state.count("tokensAtLastValidation", -1, Long.MAX_VALUE);
      double savedLearningRate = state.real("learningRate", Double.MIN_VALUE, Double.MAX_VALUE);
      sgd.restore(state);
      checkpoint.restore(network);
      best = checkpoint.best();
      setLearningRate(savedLearningRate);
      LOG.info("resuming at epoch {}, {} tokens trained", epoch, tokensTrained);
    }

    /** The model of the best validation, or the last weights without validation. */
    RnnLanguageModel best() {
      return best != null ? best : network.toLanguageModel(vocabulary, info);
    }

    Map<String, String> facts() {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("Tokens-Trained", Long.toString(tokensTrained));
      facts.put("Epochs-Trained", String.format(Locale.ROOT, "%.2f", (double) tokensTrained / (rowLength * rows)));
      facts.put("Training-Seconds", Long.toString(Math.round(trainingSeconds)));
      facts.put("Tokens-Per-Second", Long.toString(Math.round(tokensTrained / Math.max(trainingSeconds, 1e-9))));
      facts.put("Tokens-Per-Cpu-Second", Long.toString(Math.round(tokensTrained / Math.max(trainingCpuSeconds,
          1e-9))));
      facts.put("Stop-Reason", stopReason);
      facts.put("Final-Learning-Rate", Double.toString(learningRate));
      facts.put("Gradient-Norm-Mean", String.format(Locale.ROOT, "%.3f", sgd.meanNorm()));
      facts.put("Gradient-Norm-Max", String.format(Locale.ROOT, "%.3f", sgd.largestNorm()));
      facts.put("Clipped-Steps", sgd.clipped() + "/" + sgd.steps());
      if (validation != null) {
        facts.put("Validation-Perplexity", String.format(Locale.ROOT, "%.2f", bestPerplexity));
        facts.put("Validation-History", history);
      }
      return facts;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
