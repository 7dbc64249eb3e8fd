package org.seqnlp.opennlp.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.PropertyFiles;
import org.seqnlp.io.ZipEntries;
import org.seqnlp.opennlp.namefind.BiLstmCrfModelSerializer;
import org.seqnlp.opennlp.namefind.NameFinderModels;

/**
 * Copies an OpenNLP model zip for an older OpenNLP release, such as the 1.9.4 that Solr 9 bundles: OpenNLP
 * refuses a model whose manifest names a newer major release ({@code Model version 2.5.11 is not supported by
 * this (1.9.4) version of OpenNLP!}) even when it would read every artifact of it with the same code. The copy
 * differs from the original in one thing, the {@code OpenNLP-Version} line of {@code manifest.properties};
 * every other entry is copied byte for byte, nothing is converted.
 *
 * <p>Only models known to be read and run the same by the target release are copied, so that the new stamp
 * does not lie: SeqNLP's BiLSTM-CRF name finders (the plugin runs on OpenNLP 1.9.4), and sentence-detector
 * and tokenizer models built on OpenNLP's default factories (OpenNLP's English models 1.3.0 split text the
 * same on 1.9.4 as on 2.5.11). Other models are refused: a maxent name finder's feature descriptor, for one,
 * may name generators that 1.9.4 lacks.
 */
public final class OpenNlpVersionExport {

  /** The releases a model can be exported for: the OpenNLP of Solr 9's analysis-extras module. */
  public static final Set<String> TARGET_VERSIONS = Set.of("1.9.4");

  private static final String MANIFEST = "manifest.properties";
  private static final String VERSION = "OpenNLP-Version";
  /** The version line as {@code Properties.store} writes it, the way OpenNLP writes every manifest. */
  private static final Pattern VERSION_LINE = Pattern.compile("(?m)^" + VERSION + "=([^\r\n]*)$");
  /** Per component, the manifest entries a model must have to be exported. */
  private static final Map<String, Map<String, String>> EXPORTABLE = Map.of(
      "NameFinderME", Map.of("serializer-class-nameFinder.model", BiLstmCrfModelSerializer.class.getName()),
      "SentenceDetectorME", Map.of("factory", "opennlp.tools.sentdetect.SentenceDetectorFactory"),
      "TokenizerME", Map.of("factory", "opennlp.tools.tokenize.TokenizerFactory"));

  private OpenNlpVersionExport() {
  }

  /**
   * Writes the copy of {@code model} for OpenNLP {@code openNlpVersion} to {@code output}, through a temporary
   * file renamed over it.
   *
   * @throws IllegalArgumentException when {@code openNlpVersion} is not one of {@link #TARGET_VERSIONS}
   * @throws InputFormatException naming the file (or {@code file!entry}) when the model is damaged, passes a
   *     limit, is not one that can be exported or does not load with the OpenNLP running this
   */
  public static void export(Path model, String openNlpVersion, Path output) throws IOException {
    requireTarget(openNlpVersion);
    OutputFiles.checkWritable(output, model);
    byte[] original = OpenNlpModelFiles.read(model);
    Copy copy = copy(original, model.toString(), openNlpVersion);
    // Loaded as its users will load it, so that a broken model is reported rather than copied.
    requireLoadable(original, model.toString(), copy.component());
    OutputFiles.write(output, out -> out.write(copy.bytes()));
  }

  /**
   * The copy of the model zip {@code model} for OpenNLP {@code openNlpVersion}. The model is not loaded: this
   * may run under the target release, which refuses the original.
   *
   * @param source names the model in errors, e.g. its file
   */
  public static byte[] export(byte[] model, String source, String openNlpVersion) throws IOException {
    return copy(model, source, openNlpVersion).bytes();
  }

  /** A model's copy for another release, and the component its manifest names. */
  private record Copy(byte[] bytes, String component) {
  }

  private static Copy copy(byte[] model, String source, String openNlpVersion) throws IOException {
    requireTarget(openNlpVersion);
    // Entries are inflated as OpenNlpModelFiles allows and deflated again as they stream through.
    long totalLimit = ZipEntries.inflationLimit(model.length, Long.MAX_VALUE);
    ByteArrayOutputStream copy = new ByteArrayOutputStream(model.length);
    String[] component = new String[1];
    try (ZipOutputStream zip = new ZipOutputStream(copy)) {
      ZipEntries.readAll(new ByteArrayInputStream(model), source, totalLimit, totalLimit, (name, in, entrySource) -> {
        zip.putNextEntry(new ZipEntry(name));
        if (name.equals(MANIFEST)) {
          byte[] manifest = in.readNBytes((int) OpenNlpModelFiles.MAX_MANIFEST_BYTES + 1);
          if (manifest.length > OpenNlpModelFiles.MAX_MANIFEST_BYTES) {
            throw InputFormatException.atByte(entrySource, OpenNlpModelFiles.MAX_MANIFEST_BYTES,
                "the entry is larger than its limit of " + OpenNlpModelFiles.MAX_MANIFEST_BYTES + " bytes");
          }
          Properties properties = PropertyFiles.parse(manifest, entrySource);
          zip.write(stamped(manifest, properties, entrySource, openNlpVersion));
          component[0] = properties.getProperty(OpenNlpModelFiles.COMPONENT);
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      });
    }
    if (component[0] == null) {
      throw InputFormatException.atByte(source, 0, "not an OpenNLP model zip: no " + MANIFEST);
    }
    return new Copy(copy.toByteArray(), component[0]);
  }

  /** Loads the model as its component's users will, so that a broken model is reported rather than copied. */
  private static void requireLoadable(byte[] model, String source, String component) throws IOException {
    switch (component) {
      case "NameFinderME" -> NameFinderModels.load(model, source);
      case "SentenceDetectorME" -> OpenNlpModelFiles.load(model, source, OpenNlpModelFiles.SENTENCE_MODEL);
      default -> OpenNlpModelFiles.load(model, source, OpenNlpModelFiles.TOKENIZER_MODEL);
    }
  }

  private static void requireTarget(String openNlpVersion) {
    if (!TARGET_VERSIONS.contains(openNlpVersion)) {
      throw new IllegalArgumentException("cannot export for OpenNLP " + openNlpVersion + ": the releases tested are "
          + String.join(", ", new TreeSet<>(TARGET_VERSIONS)));
    }
  }

  /**
   * The manifest ({@code manifest}, parsed as {@code properties}) with {@code version} on its version line, once it is
   * known to be a model that may be exported.
   */
  private static byte[] stamped(byte[] manifest, Properties properties, String source, String version)
      throws IOException {
    String component = properties.getProperty(OpenNlpModelFiles.COMPONENT);
    Map<String, String> required = component == null ? null : EXPORTABLE.get(component);
    if (required == null) {
      throw InputFormatException.atByte(source, 0, OpenNlpModelFiles.COMPONENT + "=" + component
          + ": only SeqNLP name finders and sentence-detector and tokenizer models are known to run the same on"
          + " OpenNLP " + version);
    }
    for (Map.Entry<String, String> entry : required.entrySet()) {
      String value = properties.getProperty(entry.getKey());
      if (!entry.getValue().equals(value)) {
        throw InputFormatException.atByte(source, 0, "a " + component + " model with " + entry.getKey() + "="
            + value + ": only " + entry.getValue() + " is known to run the same on OpenNLP " + version);
      }
    }
    String text = new String(manifest, StandardCharsets.ISO_8859_1);
    Matcher line = VERSION_LINE.matcher(text);
    int lines = 0;
    int start = 0;
    int end = 0;
    while (line.find()) {
      lines++;
      start = line.start(1);
      end = line.end(1);
    }
    byte[] stamped = (text.substring(0, start) + version + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    // read back, since a line can look like the version's and be the continuation of another property's value
    if (lines != 1 || !text.substring(start, end).equals(properties.getProperty(VERSION))
        || !version.equals(PropertyFiles.parse(stamped, source).getProperty(VERSION))) {
      throw InputFormatException.atByte(source, 0, "expected one line " + VERSION + "=<version>, as OpenNLP"
          + " writes its manifests");
    }
    return stamped;
  }
}
