package org.seqnlp.opennlp.text;

import java.util.Locale;
import java.util.MissingResourceException;

/**
 * Compares ISO 639 language codes of two or three letters, as OpenNLP models record them: OpenNLP's own
 * models say {@code en}, models trained with its command-line tools often {@code eng}.
 */
public final class LanguageCodes {

  private LanguageCodes() {
  }

  /** Whether {@code a} and {@code b} name the same language ({@code en} and {@code eng} do). */
  public static boolean same(String a, String b) {
    return a != null && b != null && threeLetters(a).equals(threeLetters(b));
  }

  /** The ISO 639-2 code of a tag's language: {@code en}, {@code eng} and {@code en-US} all give {@code eng}. */
  private static String threeLetters(String code) {
    String lowerCase = code.strip().toLowerCase(Locale.ROOT);
    String language = Locale.forLanguageTag(lowerCase).getLanguage();
    try {
      return new Locale(language.isEmpty() ? lowerCase : language).getISO3Language();
    } catch (MissingResourceException e) {
      return lowerCase;
    }
  }
}
