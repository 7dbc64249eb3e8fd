package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import opennlp.tools.util.TrainingParameters;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.seqnlp.opennlp.nn.Tensor;
import org.seqnlp.progress.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link RnnLanguageModel} with DL4J: embedding, stacked RNN or LSTM layers, softmax; the
 * training text is one stream (each line a sentence followed by the end-of-sentence token) cut into
 * {@code BatchSize} parallel rows and learnt by truncated backpropagation through time, with gradient
 * clipping by global norm ({@link GlobalNormClipping}). With a validation file, the learning rate is
 * multiplied by {@code LearningRateDecay} whenever validation perplexity does not improve, training stops
 * after {@code Patience} such validations in a row, and the best model is the result.
 *
 * <p>Given a work directory, training writes a checkpoint there every {@code CheckpointMinutes} and at
 * every validation, and resumes from it when started again with the same settings.
 *
 * <p>Settings are OpenNLP {@link TrainingParameters}; the keys are the constants of this class.
 */
public final class RnnLmTrainer {

  public static final String TOKEN_UNIT = "TokenUnit";
  public static final String CELL = "Cell";
  public static final String LAYERS = "Layers";
  public static final String EMBEDDING_SIZE = "EmbeddingSize";
  public static final String HIDDEN_SIZE = "HiddenSize";
  /** Probability of dropping a non-recurrent activation (into each layer and into the softmax). */
  public static final String DROPOUT = "Dropout";
  public static final String BPTT_LENGTH = "BpttLength";
  public static final String BATCH_SIZE = "BatchSize";
  /** {@code sgd} or {@code adam}. */
  public static final String UPDATER = "Updater";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String LEARNING_RATE_DECAY = "LearningRateDecay";
  /** Largest global L2 norm of the gradient; 0 turns clipping off. */
  public static final String CLIP_NORM = "ClipNorm";
  public static final String EPOCHS = "Epochs";
  public static final String VALIDATIONS_PER_EPOCH = "ValidationsPerEpoch";
  public static final String PATIENCE = "Patience";
  /** Stop after this many training tokens in all (0: no limit), the budget of comparisons. */
  public static final String MAX_TOKENS = "MaxTokens";
  /** Stop after this many minutes of training (0: no limit). */
  public static final String MAX_MINUTES = "MaxMinutes";
  public static final String CHECKPOINT_MINUTES = "CheckpointMinutes";
  /** Vocabulary cut-off: tokens seen fewer times become {@value Vocabulary#UNKNOWN}. */
  public static final String CUTOFF = TrainingParameters.CUTOFF_PARAM;
  /** Largest vocabulary size, {@code <eos>} and {@code <unk>} included (0: no limit). */
  public static final String VOCABULARY_SIZE = "VocabularySize";
  public static final String INIT_SCALE = "InitScale";
  public static final String SEED = "Seed";

  private static final Logger LOG = LoggerFactory.getLogger(RnnLmTrainer.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String CHECKPOINT = "checkpoint.dl4j.zip";
  private static final String BEST = "best.dl4j.zip";
  private static final String STATE = "state.properties";
  private static final String VOCABULARY = "vocabulary.txt";
  /** TBPTT segments per {@code fit} call: DL4J resets the recurrent state at every call. */
  private static final int SEGMENTS_PER_FIT = 10;
  private static final int VALIDATION_BATCH = 10;
  private static final int VALIDATION_STEPS = 100;

  private final TrainingParameters parameters;
  private final boolean showProgress;

  public RnnLmTrainer(TrainingParameters parameters, boolean showProgress) {
    this.parameters = withDefaults(parameters);
    this.showProgress = showProgress;
  }

  /** The settings with every missing key set to its default (Zaremba et al.'s small model). */
  public static TrainingParameters withDefaults(TrainingParameters given) {
    TrainingParameters p = new TrainingParameters(given);
    p.putIfAbsent(TOKEN_UNIT, TokenUnit.WORD.name());
    p.putIfAbsent(CELL, CellType.LSTM.name());
    p.putIfAbsent(LAYERS, 2);
    p.putIfAbsent(EMBEDDING_SIZE, 200);
    p.putIfAbsent(HIDDEN_SIZE, 200);
    p.putIfAbsent(DROPOUT, 0.0);
    p.putIfAbsent(BPTT_LENGTH, 35);
    p.putIfAbsent(BATCH_SIZE, 20);
    p.putIfAbsent(UPDATER, "sgd");
    p.putIfAbsent(LEARNING_RATE, 1.0);
    p.putIfAbsent(LEARNING_RATE_DECAY, 0.5);
    p.putIfAbsent(CLIP_NORM, 5.0);
    p.putIfAbsent(EPOCHS, 13);
    p.putIfAbsent(VALIDATIONS_PER_EPOCH, 1);
    p.putIfAbsent(PATIENCE, 3);
    p.putIfAbsent(MAX_TOKENS, 0);
    p.putIfAbsent(MAX_MINUTES, 0);
    p.putIfAbsent(CHECKPOINT_MINUTES, 10);
    p.putIfAbsent(CUTOFF, 1);
    p.putIfAbsent(VOCABULARY_SIZE, 0);
    p.putIfAbsent(INIT_SCALE, 0.1);
    p.putIfAbsent(SEED, 1);
    return p;
  }

  /** The settings that fix the network and the data order: a checkpoint resumes only if they match. */
  private static final List<String> MODEL_KEYS = List.of(TOKEN_UNIT, CELL, LAYERS, EMBEDDING_SIZE,
      HIDDEN_SIZE, DROPOUT, BPTT_LENGTH, BATCH_SIZE, UPDATER, CLIP_NORM, CUTOFF, VOCABULARY_SIZE,
      INIT_SCALE, SEED);

  /**
   * Trains on {@code trainFile}.
   *
   * @param validationFile sentences for early stopping and learning-rate decay, or null
   * @param workDirectory where checkpoints go and are resumed from, or null for none
   */
  public RnnLanguageModel train(Path trainFile, Path validationFile, Path workDirectory) throws IOException {
    TokenUnit unit = TokenUnit.valueOf(text(TOKEN_UNIT));
    LmArchitecture architecture = new LmArchitecture(unit, CellType.valueOf(text(CELL)),
        integer(LAYERS), integer(EMBEDDING_SIZE), integer(HIDDEN_SIZE));
    List<List<String>> trainSentences = SentenceFile.read(trainFile, unit);
    Path vocabularyFile = workDirectory == null ? null : workDirectory.resolve(VOCABULARY);
    Vocabulary vocabulary = vocabularyFile != null && Files.exists(vocabularyFile)
        ? readVocabulary(vocabularyFile)
        : Vocabulary.build(countTokens(trainSentences), integer(CUTOFF), integer(VOCABULARY_SIZE));
    int[] train = SentenceFile.encode(trainSentences, vocabulary);
    int[] validation = validationFile == null ? null
        : SentenceFile.encode(SentenceFile.read(validationFile, unit), vocabulary);
    int batchSize = integer(BATCH_SIZE);
    if (train.length < 2 * batchSize) {
      throw new IllegalArgumentException(trainFile + ": " + train.length + " tokens are too few for "
          + batchSize + " rows of training");
    }
    Run run = new Run(architecture, vocabulary, train, validation, workDirectory);
    run.start();
    Map<String, String> info = new LinkedHashMap<>();
    info.put("Data", trainFile.getFileName().toString());
    info.put("Tokens", Integer.toString(train.length));
    for (String key : MODEL_KEYS) {
      info.put(key, text(key));
    }
    info.put(LEARNING_RATE, text(LEARNING_RATE));
    info.putAll(run.facts());
    return toLanguageModel(run.bestNetwork(), architecture, vocabulary, info);
  }

  private static Vocabulary readVocabulary(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Vocabulary.read(in, file.toString());
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

  /** The DL4J network for {@code architecture}, with fresh weights. */
  MultiLayerNetwork newNetwork(LmArchitecture architecture, int vocabularySize) {
    double scale = real(INIT_SCALE);
    double dropout = real(DROPOUT);
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(integer(SEED))
        .dataType(DataType.FLOAT)
        .updater(updater(real(LEARNING_RATE)))
        .weightInit(new UniformDistribution(-scale, scale))
        .list()
        .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabularySize).nOut(architecture.embeddingSize())
            .hasBias(false).build());
    for (int layer = 0; layer < architecture.layers(); layer++) {
      BaseRecurrentLayer.Builder<?> recurrent = architecture.cell() == CellType.LSTM
          ? new LSTM.Builder().gateActivationFunction(Activation.SIGMOID)
          : new SimpleRnn.Builder();
      recurrent.activation(Activation.TANH).nIn(architecture.inputSize(layer)).nOut(architecture.hiddenSize());
      if (dropout > 0) {
        recurrent.dropOut(1 - dropout); // DL4J takes the probability of keeping an input
      }
      layers.layer(recurrent.build());
    }
    RnnOutputLayer.Builder softmax = new RnnOutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT)
        .activation(Activation.SOFTMAX).nIn(architecture.hiddenSize()).nOut(vocabularySize)
        .dataFormat(RNNFormat.NCW);
    if (dropout > 0) {
      softmax.dropOut(1 - dropout);
    }
    MultiLayerConfiguration configuration = layers.layer(softmax.build())
        .backpropType(BackpropType.TruncatedBPTT)
        .tBPTTForwardLength(integer(BPTT_LENGTH))
        .tBPTTBackwardLength(integer(BPTT_LENGTH))
        .build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    return network;
  }

  private IUpdater updater(double learningRate) {
    return switch (text(UPDATER).toLowerCase(Locale.ROOT)) {
      case "sgd" -> new Sgd(learningRate);
      case "adam" -> new Adam(learningRate);
      default -> throw new IllegalArgumentException(UPDATER + " must be sgd or adam, not " + text(UPDATER));
    };
  }

  /** Copies the weights of a network built by {@link #newNetwork} into a plain-Java model. */
  static RnnLanguageModel toLanguageModel(MultiLayerNetwork network, LmArchitecture architecture,
      Vocabulary vocabulary, Map<String, String> trainingInfo) {
    Map<String, Tensor> weights = new LinkedHashMap<>();
    put(weights, RnnLanguageModel.EMBEDDING, network.getLayer(0).getParam("W"));
    for (int layer = 0; layer < architecture.layers(); layer++) {
      org.deeplearning4j.nn.api.Layer recurrent = network.getLayer(layer + 1);
      put(weights, RnnLanguageModel.layerTensor(layer, "input-weights"), recurrent.getParam("W"));
      put(weights, RnnLanguageModel.layerTensor(layer, "recurrent-weights"), recurrent.getParam("RW"));
      INDArray bias = recurrent.getParam("b");
      put(weights, RnnLanguageModel.layerTensor(layer, "bias"), bias.reshape(bias.length()));
    }
    org.deeplearning4j.nn.api.Layer softmax = network.getLayer(architecture.layers() + 1);
    put(weights, RnnLanguageModel.OUTPUT_WEIGHTS, softmax.getParam("W"));
    INDArray bias = softmax.getParam("b");
    put(weights, RnnLanguageModel.OUTPUT_BIAS, bias.reshape(bias.length()));
    return new RnnLanguageModel(architecture, vocabulary, weights, trainingInfo);
  }

  private static void put(Map<String, Tensor> weights, String name, INDArray array) {
    long[] shape = array.shape();
    int[] dimensions = new int[shape.length];
    for (int axis = 0; axis < shape.length; axis++) {
      dimensions[axis] = Math.toIntExact(shape[axis]);
    }
    weights.put(name, new Tensor(name, dimensions, Nd4j.toFlattened('c', array).toFloatVector()));
  }

  /** The setting as text, whether it was put as a string or a number. */
  private String text(String key) {
    return String.valueOf(parameters.getObjectSettings().get(key));
  }

  private int integer(String key) {
    try {
      return Integer.parseInt(text(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, not " + text(key), e);
    }
  }

  private double real(String key) {
    try {
      return Double.parseDouble(text(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not " + text(key), e);
    }
  }

  /** Features and labels of rows [·, from, from + length) of the stream cut into {@code rows} rows. */
  static INDArray[] batch(int[] stream, int rows, int from, int length) {
    int rowLength = (stream.length - 1) / rows;
    float[] features = new float[rows * length];
    float[] labels = new float[rows * length];
    for (int row = 0; row < rows; row++) {
      for (int t = 0; t < length; t++) {
        int position = row * rowLength + from + t;
        features[row * length + t] = stream[position];
        labels[row * length + t] = stream[position + 1];
      }
    }
    long[] shape = {rows, 1, length};
    return new INDArray[] {Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c')};
  }

  /**
   * Perplexity of {@code stream} under {@code network}, the state running on through the whole stream
   * in {@value #VALIDATION_BATCH} rows.
   */
  static double perplexity(MultiLayerNetwork network, int[] stream) {
    network.rnnClearPreviousState();
    int rowLength = (stream.length - 1) / VALIDATION_BATCH;
    double logProbability = 0;
    for (int from = 0; from < rowLength; from += VALIDATION_STEPS) {
      int length = Math.min(VALIDATION_STEPS, rowLength - from);
      INDArray[] batch = batch(stream, VALIDATION_BATCH, from, length);
      INDArray output = network.rnnTimeStep(batch[0]);
      for (int row = 0; row < VALIDATION_BATCH; row++) {
        for (int t = 0; t < length; t++) {
          logProbability += Math.log(output.getFloat(row, (long) batch[1].getFloat(row, 0, t), t));
        }
      }
    }
    network.rnnClearPreviousState();
    return Math.exp(-logProbability / ((long) rowLength * VALIDATION_BATCH));
  }

  /** One training run: the network, where it is in the data, and the bookkeeping to resume it. */
  private final class Run {
    private final LmArchitecture architecture;
    private final Vocabulary vocabulary;
    private final int[] train;
    private final int[] validation;
    private final Path workDirectory;
    private final int rows = integer(BATCH_SIZE);
    private final int rowLength;
    private final GlobalNormClipping clipping = new GlobalNormClipping(real(CLIP_NORM));
    private MultiLayerNetwork network;
    private MultiLayerNetwork best;
    private int epoch;
    private int position;
    private int badValidations;
    private double learningRate = real(LEARNING_RATE);
    private double bestPerplexity = Double.POSITIVE_INFINITY;
    private long tokensTrained;
    private long tokensAtLastValidation = -1;
    private double trainingSeconds;
    /** CPU time of the training thread, which with OMP_NUM_THREADS=1 does all ND4J work: on a shared
     * machine a steadier measure of cost than wall time. */
    private double trainingCpuSeconds;
    private String history = "";
    private String stopReason = "epochs done";

    Run(LmArchitecture architecture, Vocabulary vocabulary, int[] train, int[] validation, Path workDirectory) {
      this.architecture = architecture;
      this.vocabulary = vocabulary;
      this.train = train;
      this.validation = validation;
      this.workDirectory = workDirectory;
      this.rowLength = (train.length - 1) / rows;
    }

    void start() throws IOException {
      if (workDirectory != null) {
        Files.createDirectories(workDirectory);
      }
      if (workDirectory != null && Files.exists(workDirectory.resolve(STATE))) {
        resume();
      } else {
        network = newNetwork(architecture, vocabulary.size());
      }
      network.setListeners(clipping);
      int epochs = integer(EPOCHS);
      long maxTokens = integer(MAX_TOKENS);
      double maxSeconds = real(MAX_MINUTES) * 60;
      double checkpointSeconds = real(CHECKPOINT_MINUTES) * 60;
      int fitLength = SEGMENTS_PER_FIT * integer(BPTT_LENGTH);
      int validationEvery = Math.max(1, rowLength / integer(VALIDATIONS_PER_EPOCH));
      long plannedTokens = maxTokens > 0 ? maxTokens : (long) epochs * rowLength * rows;
      double lastCheckpoint = trainingSeconds;
      try (Progress progress = showProgress ? Progress.start("training " + architecture.cell() + " language model",
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
            INDArray[] batch = batch(train, rows, position, length);
            long started = System.nanoTime();
            long startedCpu = THREADS.getCurrentThreadCpuTime();
            network.fit(batch[0], batch[1]);
            trainingSeconds += (System.nanoTime() - started) / 1e9;
            trainingCpuSeconds += (THREADS.getCurrentThreadCpuTime() - startedCpu) / 1e9;
            int previous = position;
            position += length;
            tokensTrained += (long) length * rows;
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
        }
      }
      if (validation != null && tokensTrained != tokensAtLastValidation) {
        validateAndDecay();
      }
      checkpoint();
      LOG.info("stopped: {}; {} tokens in {} s ({} tokens/s)", stopReason, tokensTrained,
          Math.round(trainingSeconds), Math.round(tokensTrained / trainingSeconds));
    }

    /** Measures validation perplexity; returns false when training should stop. */
    private boolean validateAndDecay() throws IOException {
      double perplexity = perplexity(network, validation);
      tokensAtLastValidation = tokensTrained;
      String entry = String.format(Locale.ROOT, "%.2f:%.2f", epoch + (double) position / rowLength, perplexity);
      history = history.isEmpty() ? entry : history + " " + entry;
      LOG.info("epoch {}: validation perplexity {} (learning rate {})", String.format(Locale.ROOT, "%.2f",
          epoch + (double) position / rowLength), String.format(Locale.ROOT, "%.2f", perplexity), learningRate);
      if (perplexity < bestPerplexity) {
        bestPerplexity = perplexity;
        badValidations = 0;
        best = network.clone();
        if (workDirectory != null) {
          ModelSerializer.writeModel(best, workDirectory.resolve(BEST).toFile(), false);
        }
        return true;
      }
      badValidations++;
      learningRate *= real(LEARNING_RATE_DECAY);
      network.setLearningRate(learningRate);
      return badValidations < integer(PATIENCE);
    }

    private void checkpoint() throws IOException {
      if (workDirectory == null) {
        return;
      }
      Path vocabularyFile = workDirectory.resolve(VOCABULARY);
      if (!Files.exists(vocabularyFile)) {
        try (OutputStream out = Files.newOutputStream(vocabularyFile)) {
          vocabulary.write(out);
        }
      }
      Path temporary = workDirectory.resolve(CHECKPOINT + ".tmp");
      ModelSerializer.writeModel(network, temporary.toFile(), true);
      Files.move(temporary, workDirectory.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
      Properties state = new Properties();
      for (String key : MODEL_KEYS) {
        state.setProperty(key, text(key));
      }
      state.setProperty("epoch", Integer.toString(epoch));
      state.setProperty("position", Integer.toString(position));
      state.setProperty("badValidations", Integer.toString(badValidations));
      state.setProperty("learningRate", Double.toString(learningRate));
      state.setProperty("bestPerplexity", Double.toString(bestPerplexity));
      state.setProperty("tokensTrained", Long.toString(tokensTrained));
      state.setProperty("trainingSeconds", Double.toString(trainingSeconds));
      state.setProperty("trainingCpuSeconds", Double.toString(trainingCpuSeconds));
      state.setProperty("history", history);
      state.setProperty("tokensAtLastValidation", Long.toString(tokensAtLastValidation));
      clipping.save(state);
      try (OutputStream out = Files.newOutputStream(workDirectory.resolve(STATE))) {
        state.store(out, "language-model training checkpoint");
      }
    }

    private void resume() throws IOException {
      Properties state = new Properties();
      try (InputStream in = Files.newInputStream(workDirectory.resolve(STATE))) {
        state.load(in);
      }
      for (String key : MODEL_KEYS) {
        if (!text(key).equals(state.getProperty(key))) {
          throw new IllegalArgumentException(workDirectory + " holds a checkpoint trained with " + key + "="
              + state.getProperty(key) + ", not " + text(key) + ": use another work directory");
        }
      }
      network = ModelSerializer.restoreMultiLayerNetwork(workDirectory.resolve(CHECKPOINT).toFile(), true);
      Path bestFile = workDirectory.resolve(BEST);
      best = Files.exists(bestFile) ? ModelSerializer.restoreMultiLayerNetwork(bestFile.toFile(), false) : null;
      epoch = Integer.parseInt(state.getProperty("epoch"));
      position = Integer.parseInt(state.getProperty("position"));
      badValidations = Integer.parseInt(state.getProperty("badValidations"));
      learningRate = Double.parseDouble(state.getProperty("learningRate"));
      bestPerplexity = Double.parseDouble(state.getProperty("bestPerplexity"));
      tokensTrained = Long.parseLong(state.getProperty("tokensTrained"));
      trainingSeconds = Double.parseDouble(state.getProperty("trainingSeconds"));
      trainingCpuSeconds = Double.parseDouble(state.getProperty("trainingCpuSeconds"));
      history = state.getProperty("history", "");
      tokensAtLastValidation = Long.parseLong(state.getProperty("tokensAtLastValidation", "-1"));
      clipping.restore(state);
      network.setLearningRate(learningRate);
      LOG.info("resuming from {} at epoch {}, {} tokens trained", workDirectory, epoch, tokensTrained);
    }

    MultiLayerNetwork bestNetwork() {
      return best != null ? best : network;
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
      facts.put("Gradient-Norm-Mean", String.format(Locale.ROOT, "%.3f", clipping.meanNorm()));
      facts.put("Gradient-Norm-Max", String.format(Locale.ROOT, "%.3f", clipping.largestNorm()));
      facts.put("Clipped-Steps", clipping.clipped() + "/" + clipping.steps());
      if (validation != null) {
        facts.put("Validation-Perplexity", String.format(Locale.ROOT, "%.2f", bestPerplexity));
        facts.put("Validation-History", history);
      }
      return facts;
    }
  }
}
