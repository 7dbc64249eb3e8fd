package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.languagemodel.LanguageModel;
import opennlp.tools.util.StringList;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.opennlp.nn.AffineLayer;
import org.seqnlp.opennlp.nn.GruCell;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.opennlp.nn.RecurrentCell;
import org.seqnlp.opennlp.nn.SimpleRnnCell;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A recurrent (RNN, LSTM or GRU) language model run in plain Java ({@code lm.training} trains it), so
 * using it needs no native libraries; OpenNLP's {@link LanguageModel} API. Perplexity is measured by
 * {@link PerplexityScorer}, continuations drawn by {@link TokenSampler}. Its output is the full softmax over the
 * vocabulary or a class-factored one ({@link LmArchitecture#outputClasses()}, {@link OutputSoftmax}).
 * Sentences are scored from a fresh state whose first input is the end-of-sentence token, as if the
 * sentence followed another one; tokens outside the vocabulary count as {@value SpecialTokens#UNKNOWN}.
 *
 * <p>The model file is a zip holding {@value #MANIFEST_ENTRY} (architecture and training facts),
 * {@value #VOCABULARY_ENTRY} and {@value #WEIGHTS_ENTRY} ({@link LanguageModelFile}). Instances are
 * immutable and safe to share between threads.
 */
public final class RnnLanguageModel implements LanguageModel {

  public static final String MANIFEST_ENTRY = "manifest.properties";
  public static final String VOCABULARY_ENTRY = "vocabulary.txt";
  public static final String WEIGHTS_ENTRY = "weights.bin";
  public static final String EMBEDDING = "embedding";
  public static final String OUTPUT_WEIGHTS = "output.weights";
  public static final String OUTPUT_BIAS = "output.bias";
  /** Class scores of a class-factored softmax, {@code [hidden, classes]}. */
  public static final String CLASS_WEIGHTS = "output.class-weights";
  /** Class score bias of a class-factored softmax, {@code [classes]}. */
  public static final String CLASS_BIAS = "output.class-bias";
  /**
   * Class boundaries of a class-factored softmax, {@code [classes + 1]} whole numbers stored as floats:
   * 0, strictly increasing, the vocabulary size; class c holds the ids {@code starts[c] .. starts[c + 1]}.
   */
  public static final String CLASS_STARTS = "output.class-starts";
  /** The parts of each recurrent layer, named by {@link #layerTensor}. */
  public static final String INPUT_WEIGHTS = "input-weights";
  public static final String RECURRENT_WEIGHTS = "recurrent-weights";
  public static final String BIAS = "bias";
  /** Longest continuation {@link #predictNextTokens} returns when no end of sentence comes first. */
  public static final int MAX_CONTINUATION = 256;

  /** The {@code Component-Name} of a language-model zip's manifest, as OpenNLP's models name their tool there. */
  public static final String COMPONENT = "RnnLanguageModel";

  final LmArchitecture architecture;
  final Vocabulary vocabulary;
  final Map<String, Tensor> weights;
  private final Map<String, String> trainingInfo;
  final float[] embedding;
  final RecurrentCell[] cells;
  final OutputSoftmax softmax;

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
      float[] inputWeights = tensor(layerTensor(layer, INPUT_WEIGHTS), in, gates).values();
      float[] recurrentWeights = tensor(layerTensor(layer, RECURRENT_WEIGHTS), h, gates).values();
      float[] bias = tensor(layerTensor(layer, BIAS), gates).values();
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
    // A tensor left over means the architecture does not describe the weights (a manifest that lost a layer or
    // its output classes), and the model would score with part of itself.
    Set<String> unused = new TreeSet<>(weights.keySet());
    unused.removeAll(tensorNames(architecture));
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("the weights hold tensors that " + architecture.layers() + " "
          + architecture.cell() + " layer(s) and " + classes + " output classes do not use: " + unused);
    }
  }

  /** The names of the tensors a model of {@code architecture} is made of. */
  static Set<String> tensorNames(LmArchitecture architecture) {
    Set<String> names = new HashSet<>(List.of(EMBEDDING, OUTPUT_WEIGHTS, OUTPUT_BIAS));
    for (int layer = 0; layer < architecture.layers(); layer++) {
      for (String part : List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS)) {
        names.add(layerTensor(layer, part));
      }
    }
    if (architecture.outputClasses() > 0) {
      names.addAll(List.of(CLASS_WEIGHTS, CLASS_BIAS, CLASS_STARTS));
    }
    return names;
  }

  /** The name of tensor {@code part} of recurrent layer {@code layer} (0-based). */
  public static String layerTensor(int layer, String part) {
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
    return new PerplexityScorer(this).ofSentences(new int[][] {ids}).logProbability();
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
   * and without the end-of-sentence token, at most {@value #MAX_CONTINUATION} tokens. The unknown token is
   * never chosen: it is no word, and a word model trained on text that holds it as one (Penn Treebank's) finds
   * it the most likely token after "the" and would repeat it to the limit. {@link #sample} at temperature 0 is
   * greedy decoding over every token.
   */
  @Override
  public String[] predictNextTokens(String... tokens) {
    return new TokenSampler(0, 0, true).continuation(stateAfter(tokens), MAX_CONTINUATION, new Random(0));
  }

  /**
   * {@link #calculateProbability(String...)} in the form OpenNLP 1.x's {@code LanguageModel} also declares
   * (OpenNLP 2 dropped it; the 1.9.4 that Solr 9 bundles still calls it).
   */
  public double calculateProbability(StringList tokens) {
    return calculateProbability(toArray(tokens));
  }

  /** {@link #predictNextTokens(String...)} in the form OpenNLP 1.x's {@code LanguageModel} also declares. */
  public StringList predictNextTokens(StringList tokens) {
    return new StringList(predictNextTokens(toArray(tokens)));
  }

  private static String[] toArray(StringList tokens) {
    String[] array = new String[tokens.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = tokens.getToken(i);
    }
    return array;
  }

  /**
   * Distribution of the token following {@code context} at the start of a sentence, indexed by
   * vocabulary id.
   */
  public double[] nextTokenProbabilities(String... context) {
    double[] probabilities = stateAfter(context).logProbabilities().clone();
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
    return new TokenSampler(temperature, topK).continuation(stateAfter(context), maxTokens, random);
  }

  /** The state at the start of a sentence after reading {@code context}. */
  private LanguageModelState stateAfter(String[] context) {
    LanguageModelState state = new LanguageModelState(this);
    for (String token : context) {
      state.feed(vocabulary.id(token));
    }
    return state;
  }

  /**
   * Perplexity of the sentences of {@code file} (one a line, each followed by one end-of-sentence token
   * that counts in N, the Penn Treebank convention). With {@code acrossSentences} false every sentence
   * is scored alone, exactly as {@link #logProbability}; with true the state runs on from one sentence
   * into the next, as published PTB figures are computed.
   *
   * @throws IOException also for a file without a line, which has no perplexity
   */
  public Perplexity perplexity(Path file, boolean acrossSentences) throws IOException {
    return new PerplexityScorer(this).ofFile(file, acrossSentences);
  }

  /** Writes the model as a zip ({@link LanguageModelFile}). */
  public void write(OutputStream out) throws IOException {
    LanguageModelFile.write(this, out);
  }

  /** Writes the model to {@code file} through a temporary file renamed over it. */
  public void save(Path file) throws IOException {
    LanguageModelFile.save(this, file);
  }

  public static RnnLanguageModel load(Path file) throws IOException {
    return LanguageModelFile.load(file);
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @param source the file name used in error messages
   * @throws org.seqnlp.io.InputFormatException when the stream is not such a model, naming what is wrong
   */
  public static RnnLanguageModel read(InputStream in, String source) throws IOException {
    return LanguageModelFile.read(in, source);
  }

  @Override
  public String toString() {
    return COMPONENT + architecture + ", vocabulary of " + vocabulary.size();
  }
}
