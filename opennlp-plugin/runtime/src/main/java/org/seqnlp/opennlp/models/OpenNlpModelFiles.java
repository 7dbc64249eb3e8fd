package org.seqnlp.opennlp.models;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.model.BaseModel;
import org.seqnlp.io.InputFiles;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LimitedInputStream;
import org.seqnlp.io.PropertyFiles;
import org.seqnlp.io.ZipEntries;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads OpenNLP model zips (name finder, sentence detector, tokenizer) after checking them, so that a
 * hostile or damaged file fails with one {@link InputFormatException} instead of exhausting memory inside
 * OpenNLP: the file is read once, its entries are inflated with limits (the manifest, which OpenNLP parses
 * whole with {@code Properties.load}, to {@value #MAX_MANIFEST_BYTES} bytes; all entries together to
 * {@value ZipEntries#MAX_INFLATION} times the file size), and OpenNLP then parses the very bytes that were checked,
 * with the same zip parser. OpenNLP's own errors, some unchecked and some without a message, become one
 * line naming the file.
 */
public final class OpenNlpModelFiles {

  /** The largest model file: one byte array must hold it. */
  public static final long MAX_MODEL_BYTES = 1L << 30;
  /** The largest {@code manifest.properties}. */
  public static final long MAX_MANIFEST_BYTES = 1 << 16;

  private static final String MANIFEST = "manifest.properties";
  /** The manifest property every OpenNLP model has, naming the tool it is for. */
  static final String COMPONENT = "Component-Name";
  /** The feature-generator descriptor of a name finder, as OpenNLP names it. */
  private static final String DESCRIPTOR = "generator.featuregen";
  private static final long MAX_DESCRIPTOR_BYTES = 1 << 20;
  /** How OpenNLP names the XML dictionaries a model holds, such as a sentence detector's abbreviations. */
  private static final String DICTIONARY = ".dictionary";

  /** What OpenNLP makes of a checked model's bytes, e.g. {@code TokenNameFinderModel::new}. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  /**
   * OpenNLP's sentence-detector model, its factory checked at once: OpenNLP makes the factory the manifest names,
   * of any class, and casts it only when the detector first asks for it.
   */
  public static final Parser<SentenceModel> SENTENCE_MODEL =
      in -> requireFactory(new SentenceModel(in), "sentence-detector", SentenceModel::getFactory);

  /** OpenNLP's tokenizer model, its factory checked at once, as {@link #SENTENCE_MODEL}'s. */
  public static final Parser<TokenizerModel> TOKENIZER_MODEL =
      in -> requireFactory(new TokenizerModel(in), "tokenizer", TokenizerModel::getFactory);

  private OpenNlpModelFiles() {
  }

  /** Checks and parses the model {@code file}. */
  public static <T> T load(Path file, Parser<T> parser) throws IOException {
    return load(read(file), file.toString(), parser);
  }

  /**
   * The bytes of the model {@code file}, not more than {@value #MAX_MODEL_BYTES}, for {@link #load(byte[],
   * String, Parser)} here or elsewhere (a Spark job broadcasts them to its executors).
   */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = InputFiles.open(file)) {
      return read(in, InputFiles.sizeOf(file), file.toString());
    }
  }

  /**
   * The bytes of a model read from {@code in}, as {@link #read(Path)} reads a file's, for models kept where a
   * {@link Path} cannot reach (a Spark job reads them through Hadoop's file systems).
   *
   * @param size the size the file system declares, checked before reading; negative when it declares none
   * @param source names the model in errors
   */
  public static byte[] read(InputStream in, long size, String source) throws IOException {
    if (size > MAX_MODEL_BYTES) {
      throw InputFormatException.atByte(source, MAX_MODEL_BYTES, "a model file of " + size
          + " bytes, more than the limit of " + MAX_MODEL_BYTES);
    }
    // Bounded as it is read too: a pipe has no size to check beforehand.
    return new LimitedInputStream(in, source, MAX_MODEL_BYTES, "a model file of more than the limit of "
        + MAX_MODEL_BYTES + " bytes").readAllBytes();
  }

  /**
   * Checks and parses a model's bytes.
   *
   * @param source names the model in errors, e.g. its file
   */
  public static <T> T load(byte[] bytes, String source, Parser<T> parser) throws IOException {
    long totalLimit = ZipEntries.inflationLimit(bytes.length, Long.MAX_VALUE);
    Properties[] manifest = {null};
    // Every entry has a limit, so that one named twice is refused: OpenNLP would keep the last silently.
    ZipEntries.read(new ByteArrayInputStream(bytes), source,
        name -> name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : name.equals(DESCRIPTOR) ? MAX_DESCRIPTOR_BYTES
            : totalLimit, totalLimit,
        (name, in, entrySource) -> {
          if (name.equals(MANIFEST)) {
            manifest[0] = PropertyFiles.parse(in.readAllBytes(), entrySource);
          } else if (name.equals(DESCRIPTOR)) {
            requireWellFormed(in, entrySource, "a descriptor");
          } else if (name.endsWith(DICTIONARY)) {
            requireWellFormed(in, entrySource, "a dictionary");
          }
        });
    if (manifest[0] == null) {
      throw InputFormatException.atByte(source, 0, "not an OpenNLP model zip: no " + MANIFEST);
    }
    // OpenNLP's own words would be about the first entry it cannot place, such as a language model's weights.bin
    String component = manifest[0].getProperty(COMPONENT);
    if (component == null) {
      throw InputFormatException.atByte(source, 0, "not an OpenNLP model: its manifest names no " + COMPONENT);
    }
    if (component.equals(RnnLanguageModel.COMPONENT)) {
      throw InputFormatException.atByte(source, 0, "a SeqNLP language model, not an OpenNLP model: it is read by"
          + " perplexity and sample, and by RnnLanguageModel in code");
    }
    try {
      return parser.parse(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw asFormatError(source, e);
    }
  }

  private static <M extends BaseModel> M requireFactory(M model, String component, Consumer<M> getFactory) {
    try {
      getFactory.accept(model);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("its manifest's factory, " + model.getManifestProperty("factory")
          + ", is no " + component + " factory", e);
    }
    return model;
  }

  /**
   * Parses an XML entry (a feature-generator descriptor or a dictionary) with an error handler of our own:
   * OpenNLP's parsers have none, so the JDK would print a "[Fatal Error]" line on stderr before OpenNLP reports the
   * error without naming the file or the line.
   *
   * @param kind what the entry is, for the message on a DOCTYPE, e.g. "a dictionary"
   */
  private static void requireWellFormed(InputStream entry, String source, String kind) throws IOException {
    try {
      // SAX, which keeps nothing of the document: a dictionary may be large
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      // the parser closes what it reads, and the zip's own stream must stay open
      InputStream unclosed = new FilterInputStream(entry) {
        @Override
        public void close() {
        }
      };
      // DefaultHandler throws at a fatal error, so the JDK prints nothing
      factory.newSAXParser().parse(unclosed, new DefaultHandler());
    } catch (SAXParseException e) {
      // The parser's own words for a refused DOCTYPE name its configuration, not the problem.
      String problem = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "a DOCTYPE, which " + kind + " may not have (it could make the parser read other files)"
          : "not well-formed XML: " + e.getMessage();
      throw InputFormatException.atLine(source, Math.max(1, e.getLineNumber()), problem, e);
    } catch (SAXException e) {
      throw InputFormatException.atLine(source, 1, "not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  /**
   * The {@link InputFormatException} inside OpenNLP's error (one of our artifact readers failed), named
   * after the zip as {@code source!entry} when the reader could only name its entry; else one naming the file.
   */
  private static InputFormatException asFormatError(String source, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputFormatException format) {
        return format.source().startsWith(source) ? format
            : format.isByteOffset()
            ? InputFormatException.atByte(source + "!" + format.source(), format.position(), format.problem(), format)
            : InputFormatException.atLine(source + "!" + format.source(), format.position(), format.problem(), format);
      }
    }
    Throwable reported = e;
    // A wrapper whose message is only its cause's toString() would print the cause's class name.
    while (reported.getCause() != null
        && String.valueOf(reported.getMessage()).equals(reported.getCause().toString())) {
      reported = reported.getCause();
    }
    String message = reported.getMessage();
    String problem = reported instanceof NullPointerException || message == null || message.isBlank()
        ? "an entry is missing or malformed" : message;
    return InputFormatException.atByte(source, 0, "not a readable OpenNLP model: " + problem, e);
  }
}
