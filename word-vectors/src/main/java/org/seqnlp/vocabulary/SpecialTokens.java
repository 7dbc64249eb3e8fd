package org.seqnlp.vocabulary;

/** The tokens that stand for something other than a word of the text; defined here and nowhere else. */
public final class SpecialTokens {

  /** Stands for every token outside a vocabulary; every {@link Vocabulary} holds it. */
  public static final String UNKNOWN = "<unk>";
  /** Ends each sentence in a language model's token stream. */
  public static final String END_OF_SENTENCE = "<eos>";
  /** Fills the positions of a fixed-width window that no character occupies. */
  public static final String PADDING = "<pad>";

  private SpecialTokens() {
  }

  /** Whether {@code token} is one of the special tokens. */
  public static boolean isSpecial(String token) {
    return token.equals(UNKNOWN) || token.equals(END_OF_SENTENCE) || token.equals(PADDING);
  }
}
