package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * Runs of more than {@value #MAX_CHARS} characters without whitespace, which OpenNLP's maximum-entropy tokenizer
 * and sentence detector take time for in the square of their length: they describe each candidate split or
 * sentence end by the whole run around it, so a run of 320,000 characters took two minutes and one of a few
 * megabytes would take hours. No word is that long; such runs are encoded data, minified code or tables without
 * spaces. {@link SentenceSpans#detect} makes each such run a sentence of its own, and {@link #tokenize} gives it to
 * the tokenizer in pieces of {@value #MAX_CHARS} characters (a piece's end splits a token there). Text without
 * such runs is detected and tokenised exactly as before.
 */
public final class LongRuns {

  /** The longest run of characters without whitespace given to a tokenizer or sentence detector whole. */
  public static final int MAX_CHARS = 1000;

  private LongRuns() {
  }

  /** A stretch of text from {@code start} to {@code end}: one long run, or text whose runs are all short. */
  record Stretch(int start, int end, boolean longRun) {
  }

  /**
   * {@code text} as consecutive stretches, each long run one of its own; one stretch of short runs when it has
   * no long run. Whitespace is OpenNLP's ({@link StringUtil#isWhitespace(char)}), as its tokenizer splits at.
   */
  static List<Stretch> stretches(CharSequence text) {
    List<Stretch> stretches = new ArrayList<>(1);
    int shortStart = 0;
    int runStart = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean runGoesOn = i < text.length() && !StringUtil.isWhitespace(text.charAt(i));
      if (runGoesOn && runStart < 0) {
        runStart = i;
      } else if (!runGoesOn && runStart >= 0) {
        if (i - runStart > MAX_CHARS) {
          if (runStart > shortStart) {
            stretches.add(new Stretch(shortStart, runStart, false));
          }
          stretches.add(new Stretch(runStart, i, true));
          shortStart = i;
        }
        runStart = -1;
      }
    }
    if (shortStart < text.length() || stretches.isEmpty()) {
      stretches.add(new Stretch(shortStart, text.length(), false));
    }
    return stretches;
  }

  /** The tokens {@code tokenizer} finds in {@code text}, each long run tokenised in pieces of {@value #MAX_CHARS}. */
  public static Span[] tokenize(Tokenizer tokenizer, String text) {
    List<Stretch> stretches = stretches(text);
    if (stretches.size() == 1 && !stretches.get(0).longRun()) {
      return tokenizer.tokenizePos(text);
    }
    List<Span> tokens = new ArrayList<>();
    for (Stretch stretch : stretches) {
      int from = stretch.start();
      while (from < stretch.end()) {
        int to = stretch.longRun() ? Math.min(stretch.end(), from + MAX_CHARS) : stretch.end();
        if (to < stretch.end() && Character.isHighSurrogate(text.charAt(to - 1))) {
          to--;  // a piece never ends inside a character beyond U+FFFF
        }
        for (Span token : tokenizer.tokenizePos(text.substring(from, to))) {
          tokens.add(new Span(token, from));
        }
        from = to;
      }
    }
    return tokens.toArray(Span[]::new);
  }
}
