package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.StringUtil;

/**
 * Runs of more than {@value #MAX_CHARS} characters without whitespace, which OpenNLP's maximum-entropy tokenizer
 * and sentence detector take time for in the square of their length: they describe each candidate split or
 * sentence end by the whole run around it, so a run of 320,000 characters took two minutes and one of a few
 * megabytes would take hours. No word is that long; such runs are encoded data, minified code or tables without
 * spaces. {@link RunBoundedSentenceDetector} and {@link RunBoundedTokenizer} keep them from those models.
 */
public final class LongRuns {

  /** The longest run of characters without whitespace given to a model whole. */
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

  /** Whether {@code stretches} are one stretch of short runs: the text can go to a model whole. */
  static boolean allShort(List<Stretch> stretches) {
    return stretches.size() == 1 && !stretches.get(0).longRun();
  }
}
