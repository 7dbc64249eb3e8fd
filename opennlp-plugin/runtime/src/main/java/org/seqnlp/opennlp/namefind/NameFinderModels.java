package org.seqnlp.opennlp.namefind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ext.ExtensionLoader;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.ZipEntries;

/**
 * Loads a name-finder model zip ({@link TokenNameFinderModel}) after checking it, so that a hostile
 * or damaged file fails with one {@link InputFormatException} instead of exhausting memory inside
 * OpenNLP: the file is read once, its entries are inflated with limits (the manifest, which OpenNLP
 * parses whole with {@code Properties.load}, to {@value #MAX_MANIFEST_BYTES} bytes; all entries
 * together to {@value #MAX_INFLATION} times the file size and at most {@value #MAX_MODEL_BYTES}
 * bytes), and OpenNLP then parses the very bytes that were checked, with the same zip parser.
 */
public final class NameFinderModels {

  /** The largest model file, and the most bytes its entries may inflate to in all. */
  public static final long MAX_MODEL_BYTES = 1L << 31;
  /** The largest {@code manifest.properties}. */
  public static final long MAX_MANIFEST_BYTES = 1 << 16;
  /** How many times its own size a model may inflate to: float weights hardly compress, bombs do. */
  public static final int MAX_INFLATION = 100;

  private static final String MANIFEST = "manifest.properties";

  private NameFinderModels() {
  }

  /**
   * Checks and loads the model {@code file}. Lets OpenNLP's extension loader (an allow-list since
   * OpenNLP 2.5.9) instantiate the SeqNLP classes a model's manifest names.
   *
   * @throws InputFormatException naming the file (or {@code file!entry}) and the byte offset when the
   *     zip is damaged or passes a limit
   */
  public static TokenNameFinderModel load(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_MODEL_BYTES) {
      throw InputFormatException.atByte(file.toString(), MAX_MODEL_BYTES, "a model file of " + size
          + " bytes, more than the limit of " + MAX_MODEL_BYTES);
    }
    byte[] bytes = Files.readAllBytes(file);
    long totalLimit = Math.min(MAX_MODEL_BYTES, Math.max(1 << 20, MAX_INFLATION * (long) bytes.length));
    boolean[] manifest = {false};
    ZipEntries.read(new ByteArrayInputStream(bytes), file.toString(), Map.of(MANIFEST, MAX_MANIFEST_BYTES),
        totalLimit, (name, in, source) -> manifest[0] = true);
    if (!manifest[0]) {
      throw InputFormatException.atByte(file.toString(), 0, "not a model zip: no " + MANIFEST);
    }
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    try {
      return new TokenNameFinderModel(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw asFormatError(file, e);
    }
  }

  /**
   * OpenNLP reports a damaged model with its own exceptions, some unchecked and some without a message
   * (a missing artifact is a NullPointerException), and wraps ours: the error becomes the
   * {@link InputFormatException} inside it, or one naming the file.
   */
  private static InputFormatException asFormatError(Path file, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputFormatException format) {
        return !format.source().equals(BiLstmCrfModelSerializer.SOURCE) ? format
            : format.isByteOffset()
            ? InputFormatException.atByte(file + "!" + format.source(), format.position(), format.problem(), format)
            : InputFormatException.atLine(file + "!" + format.source(), format.position(), format.problem(), format);
      }
    }
    String message = e.getMessage();
    String problem = e instanceof NullPointerException || message == null || message.isBlank()
        ? "an entry is missing or malformed (is it an OpenNLP TokenNameFinderModel?)" : message;
    return InputFormatException.atByte(file.toString(), 0, "not a readable name-finder model: " + problem, e);
  }
}
