package org.seqnlp.opennlp.lm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.languagemodel.LanguageModel;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.nn.AffineLayer;
import org.seqnlp.opennlp.nn.GruCell;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.opennlp.nn.RecurrentCell;
import org.seqnlp.opennlp.nn.SimpleRnnCell;
import org.seqnlp.opennlp.nn.Tensor;
import org.seqnlp.opennlp.nn.TensorFile;

/**
 * A recurrent (RNN, LSTM or GRU) language model run in plain Java over weights trained with DL4J or the
 * plain-Java trainer, so using it needs no native libraries. Its output is the full softmax over the
 * vocabulary or a class-factored one ({@link LmArchitecture#outputClasses()}, {@link OutputSoftmax}).
 * Sentences are scored from a fresh state whose first input is the end-of-sentence token, as if the
 * sentence followed another one; tokens outside the vocabulary count as {@value Vocabulary#UNKNOWN}.
 *
 * <p>The model file is a zip holding {@value #MANIFEST_ENTRY} (architecture and training facts),
 * {@value #VOCABULARY_ENTRY} and {@value #WEIGHTS_ENTRY} (a {@link TensorFile}). Instances are immutable
 * and safe to share between threads.
 */
public final class RnnLanguageModel implements LanguageModel {

  public static final String MANIFEST_ENTRY = "manifest.properties";
  public static final String VOCABULARY_ENTRY = "vocabulary.txt";
  public static final String WEIGHTS_ENTRY = "weights.bin";
  static final String EMBEDDING = "embedding";
  static final String OUTPUT_WEIGHTS = "output.weights";
  static final String OUTPUT_BIAS = "output.bias";
  /** Class scores of a class-factored softmax, {@code [hidden, classes]}. */
  public static final String CLASS_WEIGHTS = "output.class-weights";
  /** Class score bias of a class-factored softmax, {@code [classes]}. */
  public static final String CLASS_BIAS = "output.class-bias";
  /**
   * Class boundaries of a class-factored softmax, {@code [classes + 1]} whole numbers stored as floats:
   * 0, strictly increasing, the vocabulary size; class c holds the ids {@code starts[c] .. starts[c + 1]}.
   */
  public static final String CLASS_STARTS = "output.class-starts";
  /** Longest continuation {@link #predictNextTokens} returns when no end of sentence comes first. */
  public static final int MAX_CONTINUATION = 256;
  private static final int LANES = 16;

  private static final String COMPONENT = "RnnLanguageModel";
  private static final String FORMAT_VERSION = "1";
  private static final String TRAINING_PREFIX = "Training-";

  private final LmArchitecture architecture;
  private final Vocabulary vocabulary;
  private final Map<String, Tensor> weights;
  private final Map<String, String> trainingInfo;
  private final float[] embedding;
  private final RecurrentCell[] cells;
  private final OutputSoftmax softmax;

  /**
   * @param weights {@value #EMBEDDING} {@code [vocabulary, embedding]}, per layer i
   *     {@code layer.i.input-weights}, {@code layer.i.recurrent-weights}, {@code layer.i.bias} in the
   *     layout of the cell class ({@link Lstm}, {@link GruCell}, {@link SimpleRnnCell}),
   *     {@value #OUTPUT_WEIGHTS} {@code [hidden, vocabulary]} and {@value #OUTPUT_BIAS} (the word scores,
   *     normalised within their class when the softmax is class-factored), and for a class-factored
   *     softmax {@value #CLASS_WEIGHTS}, {@value #CLASS_BIAS} and {@value #CLASS_STARTS}
   * @param trainingInfo facts about training (data, settings, measured perplexity) kept in the manifest
   */
  public RnnLanguageModel(LmArchitecture architecture, Vocabulary vocabulary, Map<String, Tensor> weights,
      Map<String, String> trainingInfo) {
    this.architecture = architecture;
    this.vocabulary = vocabulary;
    this.weights = Map.copyOf(weights);
    this.trainingInfo = Collections.unmodifiableMap(new LinkedHashMap<>(trainingInfo));
    int v = vocabulary.size();
    int h = architecture.hiddenSize();
    this.embedding = tensor(EMBEDDING, v, architecture.embeddingSize()).values();
    this.cells = new RecurrentCell[architecture.layers()];
    for (int layer = 0; layer < cells.length; layer++) {
      int in = architecture.inputSize(layer);
      int gates = switch (architecture.cell()) {
        case RNN -> h;
        case LSTM -> 4 * h;
        case GRU -> 3 * h;
      };
      float[] inputWeights = tensor(layerTensor(layer, "input-weights"), in, gates).values();
      float[] recurrentWeights = tensor(layerTensor(layer, "recurrent-weights"), h, gates).values();
      float[] bias = tensor(layerTensor(layer, "bias"), gates).values();
      cells[layer] = switch (architecture.cell()) {
        case RNN -> new SimpleRnnCell(in, h, inputWeights, recurrentWeights, bias);
        case LSTM -> new Lstm(in, h, inputWeights, recurrentWeights, bias);
        case GRU -> new GruCell(in, h, inputWeights, recurrentWeights, bias);
      };
    }
    AffineLayer words = new AffineLayer(h, v, tensor(OUTPUT_WEIGHTS, h, v).values(),
        tensor(OUTPUT_BIAS, v).values());
    int classes = architecture.outputClasses();
    this.softmax = classes == 0 ? OutputSoftmax.full(words) : OutputSoftmax.classFactored(words,
        new AffineLayer(h, classes, tensor(CLASS_WEIGHTS, h, classes).values(),
            tensor(CLASS_BIAS, classes).values()),
        OutputSoftmax.classStarts(tensor(CLASS_STARTS, classes + 1).values(), v));
  }

  static String layerTensor(int layer, String part) {
    return "layer." + layer + "." + part;
  }

  private Tensor tensor(String name, int... shape) {
    Tensor tensor = weights.get(name);
    if (tensor == null) {
      throw new IllegalArgumentException("weights lack tensor " + name);
    }
    if (!Arrays.equals(tensor.shape(), shape)) {
      throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(tensor.shape())
          + ", expected " + Arrays.toString(shape));
    }
    return tensor;
  }

  public LmArchitecture architecture() {
    return architecture;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Facts recorded at training time (data, settings, perplexity), as written in the manifest. */
  public Map<String, String> trainingInfo() {
    return trainingInfo;
  }

  /** This model with {@code facts} added to its training information (e.g. a measured perplexity). */
  public RnnLanguageModel withTrainingInfo(Map<String, String> facts) {
    Map<String, String> merged = new LinkedHashMap<>(trainingInfo);
    merged.putAll(facts);
    return new RnnLanguageModel(architecture, vocabulary, weights, merged);
  }

  /** The tokens of a line of text, in this model's unit (words or characters). */
  public List<String> tokenize(String line) {
    return architecture.unit().tokenize(line);
  }

  /** Natural-log probability of {@code tokens} as a whole sentence, its end-of-sentence token included. */
  public double logProbability(String... tokens) {
    int[] ids = SentenceFile.encode(List.of(Arrays.asList(tokens)), vocabulary);
    return perplexityOfEncoded(new int[][] {ids}).logProbability();
  }

  /**
   * Probability of {@code tokens} as a whole sentence, its end-of-sentence token included. Underflows to
   * 0 for long sequences; use {@link #logProbability} then.
   */
  @Override
  public double calculateProbability(String... tokens) {
    return Math.exp(logProbability(tokens));
  }

  /**
   * The most likely continuation of the sentence begun by {@code tokens}, token by token (greedy), up to
   * and without the end-of-sentence token, at most {@value #MAX_CONTINUATION} tokens.
   */
  @Override
  public String[] predictNextTokens(String... tokens) {
    return sample(tokens, MAX_CONTINUATION, 0, 0, new Random(0));
  }

  /**
   * Distribution of the token following {@code context} at the start of a sentence, indexed by
   * vocabulary id.
   */
  public double[] nextTokenProbabilities(String... context) {
    double[] probabilities = scorerAfter(context).logProbabilities().clone();
    for (int id = 0; id < probabilities.length; id++) {
      probabilities[id] = Math.exp(probabilities[id]);
    }
    return probabilities;
  }

  /**
   * Continues the sentence begun by {@code context}, drawing each token from the model's distribution
   * sharpened by {@code temperature} (0 takes the most likely token, which is greedy decoding) and
   * restricted to the {@code topK} most likely tokens (0 for all), until the end-of-sentence token or
   * {@code maxTokens} tokens. The result excludes the context and the end-of-sentence token; the same
   * {@code random} seed gives the same result.
   */
  public String[] sample(String[] context, int maxTokens, double temperature, int topK, Random random) {
    if (temperature < 0 || topK < 0 || maxTokens < 0) {
      throw new IllegalArgumentException("temperature, top-k and length must not be negative");
    }
    Scorer scorer = scorerAfter(context);
    List<String> produced = new ArrayList<>();
    while (produced.size() < maxTokens) {
      double[] logProbabilities = scorer.logProbabilities();
      int next = temperature == 0 ? argmax(logProbabilities) : draw(logProbabilities, temperature, topK, random);
      if (next == Vocabulary.END_OF_SENTENCE_ID) {
        break;
      }
      produced.add(vocabulary.token(next));
      scorer.feed(next);
    }
    return produced.toArray(String[]::new);
  }

  /** A scorer at the start of a sentence that has read {@code context}. */
  private Scorer scorerAfter(String[] context) {
    Scorer scorer = new Scorer();
    for (String token : context) {
      scorer.feed(vocabulary.id(token));
    }
    return scorer;
  }

  private static int argmax(double[] logProbabilities) {
    int best = 0;
    for (int id = 1; id < logProbabilities.length; id++) {
      if (logProbabilities[id] > logProbabilities[best]) {
        best = id;
      }
    }
    return best;
  }

  /** Draws an id with weight ∝ p^(1/temperature) among the {@code topK} most likely (all for 0). */
  private static int draw(double[] logProbabilities, double temperature, int topK, Random random) {
    Integer[] order = new Integer[logProbabilities.length];
    Arrays.setAll(order, id -> id);
    int candidates = logProbabilities.length;
    if (topK > 0 && topK < logProbabilities.length) {
      Arrays.sort(order, (a, b) -> Double.compare(logProbabilities[b], logProbabilities[a]));
      candidates = topK;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      max = Math.max(max, logProbabilities[order[i]]);
    }
    double[] weight = new double[candidates];
    double total = 0;
    for (int i = 0; i < candidates; i++) {
      weight[i] = Math.exp((logProbabilities[order[i]] - max) / temperature);
      total += weight[i];
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < candidates; i++) {
      target -= weight[i];
      if (target < 0) {
        return order[i];
      }
    }
    return order[candidates - 1];
  }

  /**
   * Perplexity of the sentences of {@code file} (one a line, each followed by one end-of-sentence token
   * that counts in N, the Penn Treebank convention). With {@code acrossSentences} false every sentence
   * is scored alone, exactly as {@link #logProbability}; with true the state runs on from one sentence
   * into the next, as published PTB figures are computed and as the DL4J engine trains (the Java engine
   * resets it at every sentence start, as scoring each sentence alone does).
   */
  public Perplexity perplexity(Path file, boolean acrossSentences) throws IOException {
    List<List<String>> sentences = SentenceFile.read(file, architecture.unit());
    if (!acrossSentences) {
      int[][] encoded = new int[sentences.size()][];
      for (int s = 0; s < encoded.length; s++) {
        encoded[s] = SentenceFile.encode(List.of(sentences.get(s)), vocabulary);
      }
      return perplexityOfEncoded(encoded);
    }
    int[] stream = SentenceFile.encode(sentences, vocabulary);
    Scorer scorer = new Scorer();
    double logProbability = 0;
    for (int id : stream) {
      logProbability += scorer.logProbabilityOf(id);
    }
    return new Perplexity(logProbability, stream.length);
  }

  /**
   * Perplexity of {@code sentences}, each scored alone from a fresh state as {@link #logProbability}
   * does; each is its token ids followed by {@link Vocabulary#END_OF_SENTENCE_ID}, as {@link
   * SentenceFile#encode} gives them.
   *
   * <p>Scores {@value #LANES} sentences side by side, so that each row of the softmax weights, read once
   * from memory, serves all of them that need it: the output layer dominates the cost and is
   * memory-bound when applied to one vector. The arithmetic per sentence does not depend on the others.
   */
  Perplexity perplexityOfEncoded(int[][] sentences) {
    long tokens = 0;
    for (int s = 0; s < sentences.length; s++) {
      if (sentences[s].length == 0 || sentences[s][sentences[s].length - 1] != Vocabulary.END_OF_SENTENCE_ID) {
        throw new IllegalArgumentException("sentence " + s + " does not end with the end-of-sentence id");
      }
      tokens += sentences[s].length;
    }
    Scorer[] lanes = new Scorer[LANES];
    int[] sentenceOf = new int[LANES];
    int[] position = new int[LANES];
    float[][] hidden = new float[LANES][];
    int[] targets = new int[LANES];
    double[] logProbabilities = new double[LANES];
    int nextSentence = 0;
    double logProbability = 0;
    while (true) {
      int active = 0;
      for (int lane = 0; lane < LANES; lane++) {
        if (lanes[lane] == null || position[lane] == sentences[sentenceOf[lane]].length) {
          lanes[lane] = nextSentence < sentences.length ? new Scorer() : null;
          sentenceOf[lane] = nextSentence++;
          position[lane] = 0;
        }
        if (lanes[lane] != null) {
          hidden[active] = lanes[lane].hidden;
          targets[active++] = sentences[sentenceOf[lane]][position[lane]];
        }
      }
      if (active == 0) {
        return new Perplexity(logProbability, tokens);
      }
      softmax.logProbabilities(hidden, targets, active, logProbabilities);
      active = 0;
      for (int lane = 0; lane < LANES; lane++) {
        if (lanes[lane] != null) {
          logProbability += logProbabilities[active++];
          lanes[lane].feed(sentences[sentenceOf[lane]][position[lane]++]);
        }
      }
    }
  }

  /**
   * The recurrent state and the distribution of the next token, starting as after an end of sentence.
   */
  private final class Scorer {
    private final float[][] states = new float[cells.length][];

    /** The top layer's output after the last token fed. */
    private float[] hidden;
    /** log p(next token = id) by id, computed when first asked for after a feed. */
    private double[] logProbabilities;

    Scorer() {
      for (int layer = 0; layer < cells.length; layer++) {
        states[layer] = new float[cells[layer].stateSize()];
      }
      feed(Vocabulary.END_OF_SENTENCE_ID);
    }

    /** Feeds {@code id} through the recurrent layers. */
    void feed(int id) {
      int e = architecture.embeddingSize();
      float[] x = Arrays.copyOfRange(embedding, id * e, id * e + e);
      for (int layer = 0; layer < cells.length; layer++) {
        float[] next = new float[cells[layer].stateSize()];
        cells[layer].step(x, states[layer], next);
        states[layer] = next;
        x = Arrays.copyOf(next, cells[layer].hidden());
      }
      hidden = x;
      logProbabilities = null;
    }

    /** The log probability of every id as the next token (not to be modified). */
    double[] logProbabilities() {
      if (logProbabilities == null) {
        logProbabilities = new double[vocabulary.size()];
        softmax.logProbabilities(hidden, logProbabilities);
      }
      return logProbabilities;
    }

    /** Log probability of {@code id} as the next token, computing only what it needs, then feeds it. */
    double logProbabilityOf(int id) {
      double[] logProbability = new double[1];
      softmax.logProbabilities(new float[][] {hidden}, new int[] {id}, 1, logProbability);
      feed(id);
      return logProbability[0];
    }
  }

  /** Writes the model as a zip (manifest, vocabulary, weights). */
  public void write(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
    manifest().store(zip, "seqnlp " + COMPONENT);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(VOCABULARY_ENTRY));
    vocabulary.write(zip);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
    TensorFile.write(weights.values(), zip);
    zip.closeEntry();
    zip.finish();
  }

  public void save(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    }
  }

  private Properties manifest() {
    Properties manifest = new Properties();
    manifest.setProperty("Manifest-Version", "1.0");
    manifest.setProperty("Component-Name", COMPONENT);
    manifest.setProperty("Format-Version", FORMAT_VERSION);
    manifest.setProperty("Token-Unit", architecture.unit().name());
    manifest.setProperty("Cell", architecture.cell().name());
    manifest.setProperty("Layers", Integer.toString(architecture.layers()));
    manifest.setProperty("Embedding-Size", Integer.toString(architecture.embeddingSize()));
    manifest.setProperty("Hidden-Size", Integer.toString(architecture.hiddenSize()));
    manifest.setProperty("Output-Classes", Integer.toString(architecture.outputClasses()));
    manifest.setProperty("Vocabulary-Size", Integer.toString(vocabulary.size()));
    trainingInfo.forEach((key, value) -> manifest.setProperty(TRAINING_PREFIX + key, value));
    return manifest;
  }

  public static RnnLanguageModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @param source the file name used in error messages
   * @throws InputFormatException when the stream is not such a model, naming what is wrong
   */
  public static RnnLanguageModel read(InputStream in, String source) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    } catch (ZipException e) {
      throw InputFormatException.atByte(source, 0, "not a readable zip file: " + e.getMessage(), e);
    }
    for (String name : List.of(MANIFEST_ENTRY, VOCABULARY_ENTRY, WEIGHTS_ENTRY)) {
      if (!entries.containsKey(name)) {
        throw InputFormatException.atByte(source, 0, "not a seqnlp language model: no entry " + name);
      }
    }
    Properties manifest = new Properties();
    manifest.load(new ByteArrayInputStream(entries.get(MANIFEST_ENTRY)));
    String manifestSource = source + "!" + MANIFEST_ENTRY;
    if (!COMPONENT.equals(manifest.getProperty("Component-Name"))) {
      throw InputFormatException.atByte(manifestSource, 0, "Component-Name is "
          + manifest.getProperty("Component-Name") + ", not " + COMPONENT);
    }
    if (!FORMAT_VERSION.equals(manifest.getProperty("Format-Version"))) {
      throw InputFormatException.atByte(manifestSource, 0, "unsupported Format-Version "
          + manifest.getProperty("Format-Version"));
    }
    LmArchitecture architecture;
    try {
      architecture = new LmArchitecture(
          TokenUnit.valueOf(required(manifest, "Token-Unit", manifestSource)),
          CellType.valueOf(required(manifest, "Cell", manifestSource)),
          Integer.parseInt(required(manifest, "Layers", manifestSource)),
          Integer.parseInt(required(manifest, "Embedding-Size", manifestSource)),
          Integer.parseInt(required(manifest, "Hidden-Size", manifestSource)),
          // Absent from models written before class-factored softmax: those have the full softmax.
          Integer.parseInt(manifest.getProperty("Output-Classes", "0")));
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atByte(manifestSource, 0, "bad architecture: " + e.getMessage(), e);
    }
    Vocabulary vocabulary = Vocabulary.read(new ByteArrayInputStream(entries.get(VOCABULARY_ENTRY)),
        source + "!" + VOCABULARY_ENTRY);
    String weightsSource = source + "!" + WEIGHTS_ENTRY;
    Map<String, Tensor> weights = TensorFile.read(new ByteArrayInputStream(entries.get(WEIGHTS_ENTRY)),
        weightsSource);
    Map<String, String> trainingInfo = new LinkedHashMap<>();
    for (String key : new TreeSet<>(manifest.stringPropertyNames())) {
      if (key.startsWith(TRAINING_PREFIX)) {
        trainingInfo.put(key.substring(TRAINING_PREFIX.length()), manifest.getProperty(key));
      }
    }
    try {
      return new RnnLanguageModel(architecture, vocabulary, weights, trainingInfo);
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atByte(weightsSource, 0, e.getMessage(), e);
    }
  }

  private static String required(Properties manifest, String key, String source) throws InputFormatException {
    String value = manifest.getProperty(key);
    if (value == null) {
      throw InputFormatException.atByte(source, 0, "missing " + key);
    }
    return value;
  }

  @Override
  public String toString() {
    return COMPONENT + architecture + ", vocabulary of " + vocabulary.size();
  }
}
