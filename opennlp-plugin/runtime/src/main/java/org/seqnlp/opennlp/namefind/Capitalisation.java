package org.seqnlp.opennlp.namefind;

/**
 * The one test of what counts as capitalised for names: the gazetteers keep only names with a capital letter
 * and match them only there, and document context remembers only capitalised tokens.
 */
public final class Capitalisation {

  private Capitalisation() {
  }

  /** Whether {@code text} holds an upper-case letter anywhere. */
  public static boolean hasCapital(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isUpperCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
