package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.util.Span;

/**
 * Runs another sentence detector on the text between runs of more than {@value LongRuns#MAX_CHARS} characters
 * without whitespace, each such run a sentence of its own, so that OpenNLP's {@code SentenceDetectorME}, which
 * takes time in the square of a run's length ({@link LongRuns}), splits any text in linear time. Text without such
 * runs goes to the detector whole and is split exactly as by it.
 *
 * <p>As thread-safe as the detector it wraps ({@code SentenceDetectorME} is not).
 */
public final class RunBoundedSentenceDetector extends WrappingSentenceDetector {

  public RunBoundedSentenceDetector(SentenceDetector detector) {
    super(detector);
  }

  @Override
  public Span[] sentPosDetect(CharSequence text) {
    List<LongRuns.Stretch> stretches = LongRuns.stretches(text);
    if (LongRuns.allShort(stretches)) {
      return SentenceSpans.detect(detector, text);
    }
    List<Span> sentences = new ArrayList<>();
    for (LongRuns.Stretch stretch : stretches) {
      if (stretch.longRun()) {
        sentences.add(new Span(stretch.start(), stretch.end()));
      } else {
        detectIn(text, stretch.start(), stretch.end(), sentences);
      }
    }
    return sentences.toArray(Span[]::new);
  }
}
