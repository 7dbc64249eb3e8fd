package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.util.Span;

/**
 * Runs another sentence detector on each line of a text on its own, so that no sentence crosses a line
 * end: for text with one paragraph, headline or list item a line, where a line without final punctuation
 * (a headline, a dateline, a table row) would otherwise run into the next. OpenNLP's {@code
 * SentenceDetectorME} treats a line end as a space. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
 *
 * <p>As thread-safe as the detector it wraps ({@code SentenceDetectorME} is not).
 */
public final class LineBoundedSentenceDetector extends WrappingSentenceDetector {

  public LineBoundedSentenceDetector(SentenceDetector detector) {
    super(detector);
  }

  @Override
  public Span[] sentPosDetect(CharSequence text) {
    List<Span> sentences = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = lineStart;
      while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      if (lineEnd > lineStart) {
        detectIn(text, lineStart, lineEnd, sentences);
      }
      lineStart = lineEnd + 1;
    }
    return sentences.toArray(Span[]::new);
  }
}
