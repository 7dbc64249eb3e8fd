package org.seqnlp.opennlp.namefind.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.BioCodec;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Int8Rows;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A {@link BiLstmCrfNetwork} as a {@link TensorFile}: the architecture and dimensions as text values,
 * the labels, words and characters as string lists, and every weight array as a tensor whose shape
 * the dimensions imply. A network with a {@link Gazetteer} also holds its type names as the string list
 * {@value #GAZETTEER_TYPES} and the entries of type i as the string list {@code gazetteer-entries-i}
 * (lowercased, tokens joined by one space, as {@link Gazetteer#entries} gives them); its LSTM input
 * weights then have {@code 4 x types} more rows. Word embeddings are the float tensor {@value
 * #WORD_EMBEDDINGS}, or, stored in 8 bits ({@link Int8EmbeddingTable}), the byte tensor {@value
 * #WORD_EMBEDDINGS_INT8} of the same shape with the float tensor {@value #WORD_EMBEDDING_SCALES}, one scale
 * per word (which makes the file a version 3 {@link TensorFile}). Bounded reading is the file format's;
 * this class checks that the entries make a consistent network and that what the network derives from them
 * stays small.
 */
public final class BiLstmCrfNetworkFormat {

  static final String ARCHITECTURE = "bilstm-crf";
  static final String GAZETTEER_TYPES = "gazetteer-types";
  static final String WORD_EMBEDDINGS = "word-embeddings";
  static final String WORD_EMBEDDINGS_INT8 = "word-embeddings-int8";
  static final String WORD_EMBEDDING_SCALES = "word-embedding-scales";
  private static final String GAZETTEER_ENTRIES = "gazetteer-entries-";
  private static final int MAX_TYPE_CHARS = 64;
  private static final int MAX_DIMENSION = 1 << 14;
  /** The most labels a network file may hold. */
  public static final int MAX_LABELS = 1 << 12;
  /**
   * The most LSTM units and character filters a network may have, which its trainer shares: 4,096 is already
   * a network no CPU trains in a day, and a file that declares more could make tagging crawl.
   */
  public static final int MAX_WIDTH = 4096;
  /** The most characters of a word the character CNN reads: each costs every filter a step per token. */
  public static final int MAX_WORD_CHARS = 1000;
  /**
   * The most characters times filters: the encoder tabulates {@code 3 x characters x filters} floats,
   * which the file's own arrays do not bound when the character dimension is small.
   */
  public static final long MAX_CHARACTER_FILTERS = 1 << 24;

  private BiLstmCrfNetworkFormat() {
  }

  /** Writes {@code network} to {@code out}, which stays open. */
  public static void write(BiLstmCrfNetwork network, OutputStream out) throws IOException {
    TensorFile.write(toBundle(network), out);
  }

  /** The entries {@link #write} writes, for a file that holds a network among other entries. */
  public static TensorBundle toBundle(BiLstmCrfNetwork network) {
    TokenEncoder encoder = network.encoder();
    int hidden = network.forward().hidden();
    int features = network.inputSize();
    int labels = network.labels().size();
    LinearChainCrf crf = network.crf();
    TensorBundle bundle = new TensorBundle()
        .addText("architecture", ARCHITECTURE)
        .addText("word-dimension", Integer.toString(encoder.wordDimension()))
        .addText("char-dimension", Integer.toString(encoder.charDimension()))
        .addText("char-filters", Integer.toString(encoder.charFilters()))
        .addText("max-word-chars", Integer.toString(encoder.maxWordChars()))
        .addText("hidden", Integer.toString(hidden))
        .addStrings("labels", network.labels())
        .addStrings("words", encoder.words().tokens())
        .addStrings("characters", encoder.chars().tokens());
    addWordEmbeddings(bundle, encoder.wordEmbeddings());
    bundle.add(new Tensor("char-embeddings", new int[] {encoder.chars().size(), encoder.charDimension()},
        encoder.charEmbeddings()))
        .add(new Tensor("convolution-weights",
            new int[] {encoder.charFilters(), TokenEncoder.KERNEL_WIDTH, encoder.charDimension()},
            encoder.convolutionWeights()))
        .add(new Tensor("convolution-bias", new int[] {encoder.charFilters()}, encoder.convolutionBias()));
    network.gazetteer().ifPresent(gazetteer -> addGazetteer(bundle, gazetteer));
    addLstm(bundle, "forward", network.forward(), features, hidden);
    addLstm(bundle, "backward", network.backward(), features, hidden);
    return bundle
        .add(new Tensor("output-weights", new int[] {2 * hidden, labels}, network.outputWeights()))
        .add(new Tensor("output-bias", new int[] {labels}, network.outputBias()))
        .add(new Tensor("crf-start", new int[] {labels}, crf.start()))
        .add(new Tensor("crf-end", new int[] {labels}, crf.end()))
        .add(new Tensor("crf-transitions", new int[] {labels, labels}, crf.transitions()));
  }

  private static void addWordEmbeddings(TensorBundle bundle, EmbeddingTable table) {
    if (table instanceof Int8EmbeddingTable bytes) {
      bytes.int8Rows().addTo(bundle, WORD_EMBEDDINGS_INT8, WORD_EMBEDDING_SCALES);
    } else {
      bundle.add(new Tensor(WORD_EMBEDDINGS, new int[] {table.rows(), table.dimension()},
          ((FloatEmbeddingTable) table).values()));
    }
  }

  private static void addGazetteer(TensorBundle bundle, Gazetteer gazetteer) {
    List<String> types = gazetteer.types();
    bundle.addStrings(GAZETTEER_TYPES, types);
    for (int i = 0; i < types.size(); i++) {
      bundle.addStrings(GAZETTEER_ENTRIES + i, gazetteer.entries(types.get(i)));
    }
  }

  private static void addLstm(TensorBundle bundle, String direction, Lstm lstm, int features, int hidden) {
    bundle.add(new Tensor(direction + "-input-weights", new int[] {features, 4 * hidden}, lstm.inputWeights()))
        .add(new Tensor(direction + "-recurrent-weights", new int[] {hidden, 4 * hidden}, lstm.recurrentWeights()))
        .add(new Tensor(direction + "-bias", new int[] {4 * hidden}, lstm.bias()));
  }

  /** Reads the network file {@code file}, bounded by its size. */
  public static BiLstmCrfNetwork read(Path file) throws IOException {
    return fromBundle(TensorFile.read(file));
  }

  /**
   * Reads a network from {@code in}, which must end where the network ends and stays open.
   *
   * @param source names the input in error messages
   * @param sizeBound the most bytes the input can hold (see {@link TensorFile#read(InputStream, String, long)})
   */
  public static BiLstmCrfNetwork read(InputStream in, String source, long sizeBound) throws IOException {
    return fromBundle(TensorFile.read(in, source, sizeBound));
  }

  /** As {@link #read(InputStream, String, long)} when no size is known ({@link TensorFile#MAX_FILE_BYTES}). */
  public static BiLstmCrfNetwork read(InputStream in, String source) throws IOException {
    return read(in, source, TensorFile.MAX_FILE_BYTES);
  }

  /** The network of the entries {@link #toBundle} made, which must be all the bundle holds. */
  public static BiLstmCrfNetwork fromBundle(TensorBundle bundle) throws InputFormatException {
    String architecture = bundle.text("architecture");
    if (!architecture.equals(ARCHITECTURE)) {
      throw bundle.fail("architecture", "unsupported architecture '" + architecture + "'");
    }
    int wordDimension = bundle.integer("word-dimension", 1, MAX_DIMENSION);
    int charDimension = bundle.integer("char-dimension", 1, MAX_DIMENSION);
    int charFilters = bundle.integer("char-filters", 1, MAX_WIDTH);
    int maxWordChars = bundle.integer("max-word-chars", 2, MAX_WORD_CHARS);
    int hidden = bundle.integer("hidden", 1, MAX_WIDTH);
    List<String> labels = bundle.strings("labels");
    if (labels.isEmpty() || labels.size() > MAX_LABELS) {
      throw bundle.fail("labels", labels.size() + " labels, outside 1.." + MAX_LABELS);
    }
    String labelProblem = bioLabelProblem(labels);
    if (labelProblem != null) {
      throw bundle.fail("labels", labelProblem);
    }
    Vocabulary words = vocabulary(bundle, "words");
    Vocabulary chars = vocabulary(bundle, "characters");
    if ((long) chars.size() * charFilters > MAX_CHARACTER_FILTERS) {
      throw bundle.fail("characters", chars.size() + " characters x " + charFilters + " filters exceed "
          + MAX_CHARACTER_FILTERS);
    }
    Gazetteer gazetteer = gazetteer(bundle);
    int features = wordDimension + charFilters + (gazetteer == null ? 0 : gazetteer.featureSize());
    int labelCount = labels.size();
    try {
      TokenEncoder encoder = new TokenEncoder(words, chars, charDimension, charFilters, maxWordChars,
          wordEmbeddings(bundle, words.size(), wordDimension),
          bundle.weights("char-embeddings", chars.size(), charDimension).values(),
          bundle.weights("convolution-weights", charFilters, TokenEncoder.KERNEL_WIDTH, charDimension).values(),
          bundle.weights("convolution-bias", charFilters).values());
      Lstm forward = lstm(bundle, "forward", features, hidden);
      Lstm backward = lstm(bundle, "backward", features, hidden);
      LinearChainCrf crf = new LinearChainCrf(labelCount, bundle.weights("crf-start", labelCount).values(),
          bundle.weights("crf-end", labelCount).values(),
          bundle.weights("crf-transitions", labelCount, labelCount).values());
      BiLstmCrfNetwork network = new BiLstmCrfNetwork(labels, encoder, gazetteer, forward, backward,
          bundle.weights("output-weights", 2 * hidden, labelCount).values(),
          bundle.weights("output-bias", labelCount).values(), crf);
      bundle.requireAllTaken("a " + ARCHITECTURE + " network");
      return network;
    } catch (IllegalArgumentException e) {
      throw bundle.fail("architecture", "inconsistent network: " + e.getMessage());
    }
  }

  /**
   * Why {@code labels} are not the outcomes of OpenNLP's {@code BioCodec}, which turns them into names, or null:
   * other labels would load and then find no names, or wrong ones.
   */
  public static String bioLabelProblem(List<String> labels) {
    Set<String> seen = new HashSet<>();
    Set<String> started = new HashSet<>();
    Set<String> continued = new HashSet<>();
    for (String label : labels) {
      if (!seen.add(label)) {
        return "label '" + label + "' appears twice";
      }
      String type = label.substring(0, Math.max(0, label.lastIndexOf('-')));
      String part = label.substring(label.lastIndexOf('-') + 1);
      if (!type.isEmpty() && part.equals(BioCodec.START)) {
        started.add(type);
      } else if (!type.isEmpty() && part.equals(BioCodec.CONTINUE)) {
        continued.add(type);
      } else if (!label.equals(BioCodec.OTHER)) {
        return "label '" + label + "' is not one of OpenNLP's BIO labels: " + BioCodec.OTHER + ", TYPE-"
            + BioCodec.START + ", TYPE-" + BioCodec.CONTINUE;
      }
    }
    if (!seen.contains(BioCodec.OTHER)) {
      return "no '" + BioCodec.OTHER + "' label, so every token would be part of a name";
    }
    continued.removeAll(started);
    return continued.isEmpty() ? null : "label '" + continued.iterator().next() + "-" + BioCodec.CONTINUE
        + "' has no '-" + BioCodec.START + "' label to begin its names";
  }

  /** The float or 8-bit word embeddings of the bundle, whichever it holds. */
  private static EmbeddingTable wordEmbeddings(TensorBundle bundle, int words, int dimension)
      throws InputFormatException {
    if (!bundle.contains(WORD_EMBEDDINGS_INT8)) {
      return new FloatEmbeddingTable(bundle.weights(WORD_EMBEDDINGS, words, dimension).values(), words, dimension);
    }
    if (bundle.contains(WORD_EMBEDDINGS)) {
      throw bundle.fail(WORD_EMBEDDINGS, "both " + WORD_EMBEDDINGS + " and " + WORD_EMBEDDINGS_INT8);
    }
    return new Int8EmbeddingTable(Int8Rows.weights(bundle, WORD_EMBEDDINGS_INT8, WORD_EMBEDDING_SCALES, words,
        dimension));
  }

  /** The gazetteer of the bundle, or null when it has none; every entry checked. */
  private static Gazetteer gazetteer(TensorBundle bundle) throws InputFormatException {
    if (!bundle.stringLists().containsKey(GAZETTEER_TYPES)) {
      return null;
    }
    List<String> types = bundle.strings(GAZETTEER_TYPES);
    if (types.isEmpty() || types.size() > Gazetteer.MAX_TYPES) {
      throw bundle.fail(GAZETTEER_TYPES, types.size() + " gazetteer types, outside 1.." + Gazetteer.MAX_TYPES);
    }
    Map<String, List<String>> entriesByType = new LinkedHashMap<>();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      if (type.isEmpty() || type.length() > MAX_TYPE_CHARS || (i > 0 && type.compareTo(types.get(i - 1)) <= 0)) {
        throw bundle.fail(GAZETTEER_TYPES, "gazetteer type " + (i + 1) + " is empty, longer than " + MAX_TYPE_CHARS
            + " characters, repeated or out of order");
      }
      String name = GAZETTEER_ENTRIES + i;
      List<String> entries = bundle.strings(name);
      for (int e = 0; e < entries.size(); e++) {
        String problem = entryProblem(entries.get(e));
        if (problem != null) {
          throw bundle.fail(name, name + ": entry " + (e + 1) + " " + problem);
        }
      }
      entriesByType.put(type, entries);
    }
    try {
      return Gazetteer.fromEntries(entriesByType);
    } catch (IllegalArgumentException e) {
      throw bundle.fail(GAZETTEER_TYPES, "gazetteer: " + e.getMessage());
    }
  }

  /**
   * What keeps {@code entry} from being one that {@link Gazetteer#entries} gives, or null: tokens
   * separated by single spaces, lowercased, at most {@value Gazetteer#MAX_ENTRY_TOKENS} of them.
   */
  private static String entryProblem(String entry) {
    if (entry.isEmpty() || entry.charAt(0) == ' ' || entry.charAt(entry.length() - 1) == ' ') {
      return "is empty or begins or ends with a space";
    }
    int tokens = 1;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c == ' ') {
        if (entry.charAt(i - 1) == ' ') {
          return "has two spaces in a row";
        }
        tokens++;
      } else if (Character.isWhitespace(c)) {
        return "holds whitespace other than single spaces";
      } else if (c < ' ') {
        // matching finds longer entries by sort order, in which a control character comes before the space
        return "holds a control character";
      }
    }
    if (tokens > Gazetteer.MAX_ENTRY_TOKENS) {
      return "has " + tokens + " tokens, more than " + Gazetteer.MAX_ENTRY_TOKENS;
    }
    if (!entry.equals(entry.toLowerCase(Locale.ROOT))) {
      return "is not lowercased";
    }
    return null;
  }

  private static Vocabulary vocabulary(TensorBundle bundle, String name) throws InputFormatException {
    try {
      return Vocabulary.of(bundle.strings(name));
    } catch (IllegalArgumentException e) {
      throw bundle.fail(name, name + ": " + e.getMessage());
    }
  }

  private static Lstm lstm(TensorBundle bundle, String direction, int features, int hidden)
      throws InputFormatException {
    return new Lstm(features, hidden, bundle.weights(direction + "-input-weights", features, 4 * hidden).values(),
        bundle.weights(direction + "-recurrent-weights", hidden, 4 * hidden).values(),
        bundle.weights(direction + "-bias", 4 * hidden).values());
  }
}
