package org.seqnlp.opennlp.lm;

import java.util.ArrayList;
import java.util.List;

/** What a language model predicts: whitespace-separated words or single characters of a line. */
public enum TokenUnit {

  /** Tokens are the words of a line between whitespace, as {@link Character#isWhitespace} defines it. */
  WORD {
    @Override
    public List<String> tokenize(String line) {
      // Split on the whitespace strip() trims, so that no token keeps a Unicode space at its end.
      String stripped = line.strip();
      return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\p{javaWhitespace}+"));
    }

    @Override
    public String join(List<String> tokens) {
      return String.join(" ", tokens);
    }
  },

  /** Tokens are the characters (code points) of a line, spaces included. */
  CHARACTER {
    @Override
    public List<String> tokenize(String line) {
      List<String> tokens = new ArrayList<>(line.length());
      line.codePoints().forEach(codePoint -> tokens.add(Character.toString(codePoint)));
      return tokens;
    }

    @Override
    public String join(List<String> tokens) {
      return String.join("", tokens);
    }
  };

  /** The tokens of one line (one sentence), without the end-of-sentence token. */
  public abstract List<String> tokenize(String line);

  /** The text of {@code tokens}, the inverse of {@link #tokenize} for normalised input. */
  public abstract String join(List<String> tokens);

  /** Whether {@code token} can be a token of this unit: it is what {@link #tokenize} makes of it. */
  public boolean isToken(String token) {
    return tokenize(token).equals(List.of(token));
  }
}
