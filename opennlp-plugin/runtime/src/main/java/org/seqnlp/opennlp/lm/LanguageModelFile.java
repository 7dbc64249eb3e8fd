package org.seqnlp.opennlp.lm;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.opennlp.nn.Tensor;
import org.seqnlp.opennlp.nn.TensorFile;

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
  private static final int MAX_MANIFEST_BYTES = 1 << 20;

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
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a model written by {@link #write(RnnLanguageModel, OutputStream)}.
   *
   * @param source the file name used in error messages
   * @throws InputFormatException when the stream is not such a model, naming what is wrong
   */
  static RnnLanguageModel read(InputStream in, String source) throws IOException {
    byte[] manifestBytes = null;
    Vocabulary vocabulary = null;
    Map<String, Tensor> weights = null;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      // the readers below must not close the zip when they finish an entry
      InputStream entryContent = new FilterInputStream(zip) {
        @Override
        public void close() {
        }
      };
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String entrySource = source + "!" + entry.getName();
        switch (entry.getName()) {
          case MANIFEST_ENTRY -> manifestBytes = readManifest(zip, entrySource);
          case VOCABULARY_ENTRY -> vocabulary = Vocabulary.read(entryContent, entrySource);
          case WEIGHTS_ENTRY -> weights = TensorFile.read(entryContent, entrySource);
          default -> {
            // unknown entries are skipped unread: nothing of theirs is held in memory
          }
        }
      }
    } catch (ZipException e) {
      throw InputFormatException.atByte(source, 0, "not a readable zip file: " + e.getMessage(), e);
    }
    requireEntry(manifestBytes != null, MANIFEST_ENTRY, source);
    requireEntry(vocabulary != null, VOCABULARY_ENTRY, source);
    requireEntry(weights != null, WEIGHTS_ENTRY, source);
    Properties manifest = new Properties();
    manifest.load(new ByteArrayInputStream(manifestBytes));
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

  /**
   * The manifest's bytes, at most {@value #MAX_MANIFEST_BYTES}: a manifest is a few hundred bytes, and a
   * larger entry (a zip bomb) is refused before it fills the memory.
   */
  private static byte[] readManifest(InputStream zip, String source) throws IOException {
    byte[] bytes = zip.readNBytes(MAX_MANIFEST_BYTES + 1);
    if (bytes.length > MAX_MANIFEST_BYTES) {
      throw InputFormatException.atByte(source, MAX_MANIFEST_BYTES, "a manifest of more than "
          + MAX_MANIFEST_BYTES + " bytes");
    }
    return bytes;
  }

  private static void requireEntry(boolean found, String entry, String source) throws InputFormatException {
    if (!found) {
      throw InputFormatException.atByte(source, 0, "not a seqnlp language model: no entry " + entry);
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
