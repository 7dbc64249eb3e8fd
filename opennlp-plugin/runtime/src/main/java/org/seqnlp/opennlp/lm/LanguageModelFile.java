package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.seqnlp.io.InputFiles;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.PropertyFiles;
import org.seqnlp.io.ZipEntries;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * The model file of a {@link RnnLanguageModel}: a zip holding {@value #MANIFEST_ENTRY} (architecture and
 * training facts), {@value #VOCABULARY_ENTRY} and {@value #WEIGHTS_ENTRY} (a {@link TensorFile}).
 */
final class LanguageModelFile {

  static final String MANIFEST_ENTRY = RnnLanguageModel.MANIFEST_ENTRY;
  static final String VOCABULARY_ENTRY = RnnLanguageModel.VOCABULARY_ENTRY;
  static final String WEIGHTS_ENTRY = RnnLanguageModel.WEIGHTS_ENTRY;
  private static final String COMPONENT = RnnLanguageModel.COMPONENT;
  private static final String FORMAT_VERSION = "1";
  private static final String TRAINING_PREFIX = "Training-";
  /** A manifest is a few hundred bytes; a larger entry (a zip bomb) is refused before it fills the memory. */
  private static final int MAX_MANIFEST_BYTES = 1 << 20;
  private static final long MAX_VOCABULARY_BYTES = 1L << 28;
  private static final long MAX_WEIGHTS_BYTES = 1L << 31;
  private static final long MAX_TOTAL_BYTES = 1L << 32;

  private LanguageModelFile() {
  }

  /** Writes {@code model} as a zip (manifest, vocabulary, weights). */
  static void write(RnnLanguageModel model, OutputStream out) throws IOException {
    Vocabulary vocabulary = model.vocabulary();
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
    manifest(model).store(zip, "seqnlp " + COMPONENT);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(VOCABULARY_ENTRY));
    vocabulary.write(zip);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
    TensorFile.write(model.weights.values(), zip);
    zip.closeEntry();
    zip.finish();
  }

  /** Writes {@code model} to {@code file} through a temporary file renamed over it. */
  static void save(RnnLanguageModel model, Path file) throws IOException {
    OutputFiles.write(file, out -> write(model, out));
  }

  private static Properties manifest(RnnLanguageModel model) {
    LmArchitecture architecture = model.architecture();
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
    manifest.setProperty("Vocabulary-Size", Integer.toString(model.vocabulary().size()));
    model.trainingInfo().forEach((key, value) -> manifest.setProperty(TRAINING_PREFIX + key, value));
    return manifest;
  }

  static RnnLanguageModel load(Path file) throws IOException {
    long inflated = ZipEntries.inflationLimit(InputFiles.sizeOf(file), MAX_TOTAL_BYTES);
    try (InputStream in = InputFiles.open(file)) {
      return read(in, file.toString(), inflated);
    }
  }


  /**
   * Reads a model written by {@link #write(RnnLanguageModel, OutputStream)}.
   *
   * @param source the file name used in error messages
   * @throws InputFormatException when the stream is not such a model, naming what is wrong
   */
  static RnnLanguageModel read(InputStream in, String source) throws IOException {
    return read(in, source, MAX_TOTAL_BYTES);
  }

  private static RnnLanguageModel read(InputStream in, String source, long totalLimit) throws IOException {
    Map<String, Long> limits = Map.of(MANIFEST_ENTRY, (long) MAX_MANIFEST_BYTES,
        VOCABULARY_ENTRY, MAX_VOCABULARY_BYTES, WEIGHTS_ENTRY, MAX_WEIGHTS_BYTES);
    byte[][] manifestBytes = new byte[1][];
    Vocabulary[] vocabulary = new Vocabulary[1];
    Map<String, Tensor> weights = new LinkedHashMap<>();
    boolean[] weightsFound = new boolean[1];
    ZipEntries.read(in, source, limits, totalLimit, (name, entry, entrySource) -> {
      switch (name) {
        case MANIFEST_ENTRY -> manifestBytes[0] = entry.readAllBytes();
        case VOCABULARY_ENTRY -> vocabulary[0] = Vocabulary.read(entry, entrySource);
        case WEIGHTS_ENTRY -> {
          weights.putAll(floatTensorsOnly(TensorFile.read(entry, entrySource, entry.remaining())));
          weightsFound[0] = true;
        }
        default -> throw new IllegalStateException("ZipEntries hands over only the entries given limits");
      }
    });
    requireEntry(manifestBytes[0] != null, MANIFEST_ENTRY, source);
    requireEntry(vocabulary[0] != null, VOCABULARY_ENTRY, source);
    requireEntry(weightsFound[0], WEIGHTS_ENTRY, source);
    requireLanguageModelLayout(vocabulary[0], source + "!" + VOCABULARY_ENTRY);
    return model(manifestBytes[0], vocabulary[0], weights, source);
  }

  /**
   * The float tensors of a weights entry, each weight bounded ({@link TensorBundle#weights}), which must hold nothing
   * else: an entry of another kind (8-bit weights, a list, a text value) would be another version's or another
   * model's, and is refused rather than ignored.
   */
  private static Map<String, Tensor> floatTensorsOnly(TensorBundle weights) throws InputFormatException {
    for (Tensor tensor : weights.tensors().values()) {
      // the class boundaries are word ids, held as floats, not weights
      if (tensor.name().equals(RnnLanguageModel.CLASS_STARTS)) {
        weights.tensor(tensor.name(), tensor.shape());
      } else {
        weights.weights(tensor.name(), tensor.shape());
      }
    }
    weights.requireAllTaken("a language model's weights, which are float tensors");
    return weights.tensors();
  }

  /** The language model's ids: {@code <eos>} first, {@code <unk>} second, as {@link Vocabulary#build} lays them out. */
  private static void requireLanguageModelLayout(Vocabulary vocabulary, String source) throws InputFormatException {
    if (vocabulary.size() < 2 || !vocabulary.token(Vocabulary.END_OF_SENTENCE_ID).equals(SpecialTokens.END_OF_SENTENCE)
        || vocabulary.unknownId() != 1) {
      throw InputFormatException.atLine(source, 1, "a language-model vocabulary starts with "
          + SpecialTokens.END_OF_SENTENCE + " and " + SpecialTokens.UNKNOWN);
    }
  }

  private static RnnLanguageModel model(byte[] manifestBytes, Vocabulary vocabulary, Map<String, Tensor> weights,
      String source) throws IOException {
    String manifestSource = source + "!" + MANIFEST_ENTRY;
    Properties manifest = PropertyFiles.parse(manifestBytes, manifestSource);
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
          constant(manifest, "Token-Unit", TokenUnit.class, manifestSource),
          constant(manifest, "Cell", CellType.class, manifestSource),
          wholeNumber(manifest, "Layers", manifestSource),
          wholeNumber(manifest, "Embedding-Size", manifestSource),
          wholeNumber(manifest, "Hidden-Size", manifestSource),
          // Absent from models written before class-factored softmax: those have the full softmax.
          manifest.containsKey("Output-Classes") ? wholeNumber(manifest, "Output-Classes", manifestSource) : 0);
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atByte(manifestSource, 0, "bad architecture: " + e.getMessage(), e);
    }
    requireTokensOf(architecture.unit(), vocabulary, source + "!" + VOCABULARY_ENTRY);
    // Absent from no model this class wrote; a mismatch means the vocabulary entry was swapped or cut.
    String declaredWords = required(manifest, "Vocabulary-Size", manifestSource);
    if (!declaredWords.equals(Integer.toString(vocabulary.size()))) {
      throw InputFormatException.atByte(manifestSource, 0, "Vocabulary-Size is " + declaredWords + ", but "
          + VOCABULARY_ENTRY + " holds " + vocabulary.size() + " tokens");
    }
    String weightsSource = source + "!" + WEIGHTS_ENTRY;
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

  /** A vocabulary of another unit (a manifest whose Token-Unit was changed) would score every text as unknown. */
  private static void requireTokensOf(TokenUnit unit, Vocabulary vocabulary, String source)
      throws InputFormatException {
    for (int id = vocabulary.unknownId() + 1; id < vocabulary.size(); id++) {
      if (!unit.isToken(vocabulary.token(id))) {
        throw InputFormatException.atLine(source, id + 1L, "'" + vocabulary.token(id) + "' is not one "
            + unit + " token, as the manifest's Token-Unit says the vocabulary holds");
      }
    }
  }

  private static void requireEntry(boolean found, String entry, String source) throws InputFormatException {
    if (!found) {
      throw InputFormatException.atByte(source, 0, "not a seqnlp language model: no entry " + entry);
    }
  }

  private static <E extends Enum<E>> E constant(Properties manifest, String key, Class<E> type, String source)
      throws InputFormatException {
    String value = required(manifest, key, source);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw InputFormatException.atByte(source, 0, key + " is '" + value + "', not one of "
        + Arrays.toString(type.getEnumConstants()));
  }

  private static int wholeNumber(Properties manifest, String key, String source) throws InputFormatException {
    String value = required(manifest, key, source);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw InputFormatException.atByte(source, 0, key + " is '" + value + "', not a whole number");
    }
  }

  private static String required(Properties manifest, String key, String source) throws InputFormatException {
    String value = manifest.getProperty(key);
    if (value == null) {
      throw InputFormatException.atByte(source, 0, "missing " + key);
    }
    return value;
  }
}
