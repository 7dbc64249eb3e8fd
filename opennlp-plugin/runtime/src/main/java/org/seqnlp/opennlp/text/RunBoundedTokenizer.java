package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * Gives another tokenizer a run of more than {@value LongRuns#MAX_CHARS} characters without whitespace in pieces
 * of that many characters, so that OpenNLP's {@code TokenizerME}, which takes time in the square of a run's length
 * ({@link LongRuns}), tokenises any text in linear time; the end of a piece splits a token there. Text without such
 * runs goes to the tokenizer whole and is tokenised exactly as by it.
 *
 * <p>As thread-safe as the tokenizer it wraps ({@code TokenizerME} is not).
 */
public final class RunBoundedTokenizer implements Tokenizer {

  private final Tokenizer tokenizer;

  public RunBoundedTokenizer(Tokenizer tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  @Override
  public String[] tokenize(String text) {
    return Span.spansToStrings(tokenizePos(text), text);
  }

  @Override
  public Span[] tokenizePos(String text) {
    List<LongRuns.Stretch> stretches = LongRuns.stretches(text);
    if (LongRuns.allShort(stretches)) {
      return tokenizer.tokenizePos(text);
    }
    List<Span> tokens = new ArrayList<>();
    for (LongRuns.Stretch stretch : stretches) {
      int from = stretch.start();
      while (from < stretch.end()) {
        int to = stretch.longRun() ? Math.min(stretch.end(), from + LongRuns.MAX_CHARS) : stretch.end();
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
