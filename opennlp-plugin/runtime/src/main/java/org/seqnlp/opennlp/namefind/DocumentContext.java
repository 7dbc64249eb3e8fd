package org.seqnlp.opennlp.namefind;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import opennlp.tools.util.InvalidFormatException;

/**
 * How strongly a name finder keeps the labels of a document consistent ({@link DocumentMemory}): a token
 * whose lowercased form earlier sentences of the document labelled as part of a name of type X, each time
 * with a marginal probability of at least {@code threshold}, gets {@code weight} added to the emission
 * scores of X's labels (X-start and X-cont) in later sentences, before the CRF decodes. A weight of 0 turns
 * it off. Stored in a model's manifest by {@link DocumentContextFactory}.
 *
 * <p>{@link #DEFAULT} was chosen on CoNLL-2003 dev data (eng.testa) with the English model: F1 rose from
 * 91.96 to 92.64, on a plateau between weights 3 and 5 and thresholds 0.8 and 0.95
 * ({@code eval/results/ner-document-context.md}).
 */
public record DocumentContext(double weight, double threshold) {

  /** The manifest entry holding {@link #weight()}. */
  public static final String WEIGHT_ENTRY = "SeqNLP-Document-Context-Weight";
  /** The manifest entry holding {@link #threshold()}. */
  public static final String THRESHOLD_ENTRY = "SeqNLP-Document-Context-Threshold";
  /** A manifest number: Java's own syntax also takes 4d, 0.8f and hexadecimal, which no writer of ours writes. */
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  /**
   * The largest weight: emission scores of the shipped models span about 20, so a weight beyond this could
   * only force labels, never weigh them.
   */
  public static final double MAX_WEIGHT = 100;

  public static final DocumentContext DEFAULT = new DocumentContext(4, 0.9);
  public static final DocumentContext OFF = new DocumentContext(0, DEFAULT.threshold);

  public DocumentContext {
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("document-context weight must be in [0, " + (int) MAX_WEIGHT + "], not "
          + weight);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("document-context threshold must be in [0, 1], not " + threshold);
    }
  }

  public boolean isOn() {
    return weight > 0;
  }

  /** The manifest entries that store this context. */
  public Map<String, String> manifestEntries() {
    return Map.of(WEIGHT_ENTRY, format(weight), THRESHOLD_ENTRY, format(threshold));
  }

  /**
   * The context stored in a manifest, read by {@code entries} (entry name to value, null when absent);
   * {@link #OFF} when neither entry is present.
   *
   * @throws InvalidFormatException naming the entry whose value is missing, not a number or out of range
   */
  public static DocumentContext fromManifest(Function<String, String> entries) throws InvalidFormatException {
    String weight = entries.apply(WEIGHT_ENTRY);
    String threshold = entries.apply(THRESHOLD_ENTRY);
    if (weight == null && threshold == null) {
      return OFF;
    }
    try {
      return new DocumentContext(number(WEIGHT_ENTRY, weight), number(THRESHOLD_ENTRY, threshold));
    } catch (IllegalArgumentException e) {
      throw new InvalidFormatException("manifest.properties: " + e.getMessage());
    }
  }

  private static double number(String entry, String value) {
    if (value == null) {
      throw new IllegalArgumentException(entry + " is missing");
    }
    if (!DECIMAL.matcher(value.trim()).matches()) {
      throw new IllegalArgumentException(entry + " is not a number: '" + value + "'");
    }
    return Double.parseDouble(value.trim());
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
  }
}
