package org.seqnlp.opennlp.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import opennlp.tools.util.TrainingParameters;

/**
 * Typed reads of OpenNLP {@link TrainingParameters} for the training settings records, each failure naming
 * the key, the type and the value: OpenNLP's own reads fail with a bare {@code NumberFormatException} or
 * {@code ClassCastException}, and its {@code getDoubleParameter} refuses the Integer that
 * {@code put(key, int)} stores.
 */
public final class TypedParameters {

  private TypedParameters() {
  }

  /** A whole number, stored as text (blanks around it allowed, as a properties file leaves them) or an Integer. */
  public static int integer(TrainingParameters parameters, String key, int otherwise) {
    Object value = parameters.getObjectSettings().get(key);
    return value == null ? otherwise
        : typed(parameters, key, "a whole number", () -> Integer.parseInt(value.toString().trim()));
  }

  public static long longValue(TrainingParameters parameters, String key, long otherwise) {
    Object value = parameters.getObjectSettings().get(key);
    return value == null ? otherwise
        : typed(parameters, key, "a whole number", () -> Long.parseLong(value.toString().trim()));
  }

  /** Any number, whether stored as text, an Integer or a Double. */
  public static double real(TrainingParameters parameters, String key, double otherwise) {
    Object value = parameters.getObjectSettings().get(key);
    if (value == null) {
      return otherwise;
    }
    return typed(parameters, key, "a number", () -> value instanceof Number number ? number.doubleValue()
        : Double.parseDouble(value.toString().trim()));
  }

  /**
   * {@code true} or {@code false}, in any case, whether stored as text or a Boolean: OpenNLP's own read takes
   * any other text, a typo included, for false.
   */
  public static boolean bool(TrainingParameters parameters, String key, boolean otherwise) {
    Object value = parameters.getObjectSettings().get(key);
    if (value == null) {
      return otherwise;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException(key + " must be true or false, not " + value);
  }

  /** One of {@code type}'s constants, in any case. */
  public static <E extends Enum<E>> E choice(TrainingParameters parameters, String key, Class<E> type, E otherwise) {
    Object value = parameters.getObjectSettings().get(key);
    if (value == null) {
      return otherwise;
    }
    try {
      return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(type.getEnumConstants())
          + ", not " + value, e);
    }
  }

  private static <T> T typed(TrainingParameters parameters, String key, String type, Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be " + type + ", not " + parameters.getObjectSettings().get(key),
          e);
    }
  }
}
