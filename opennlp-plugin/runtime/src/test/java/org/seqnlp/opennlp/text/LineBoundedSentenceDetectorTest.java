package org.seqnlp.opennlp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class LineBoundedSentenceDetectorTest {

  /** Ends a sentence after every full stop, and never at a line end, as SentenceDetectorME does. */
  private static final SentenceDetector FULL_STOPS = new SentenceDetector() {
    @Override
    public String[] sentDetect(CharSequence text) {
      return Span.spansToStrings(sentPosDetect(text), text);
    }

    @Override
    public Span[] sentPosDetect(CharSequence text) {
      List<Span> sentences = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '.' || i == text.length() - 1) {
          Span sentence = new Span(start, i + 1).trim(text);
          if (sentence.length() > 0) {
            sentences.add(sentence);
          }
          start = i + 1;
        }
      }
      return sentences.toArray(Span[]::new);
    }
  };

  private final LineBoundedSentenceDetector detector = new LineBoundedSentenceDetector(FULL_STOPS);

  @Test
  void openNlp19StringFormsAgreeWithTheCharSequenceForms() {
    String text = "One. Two\nThree.";
    assertArrayEquals(detector.sentPosDetect((CharSequence) text), detector.sentPosDetect(text));
    assertArrayEquals(detector.sentDetect((CharSequence) text), detector.sentDetect(text));
  }

  @Test
  void sentenceSpansCallsTheDetectorOnAnyCharSequence() {
    StringBuilder text = new StringBuilder("One. Two\nThree.");
    assertArrayEquals(detector.sentPosDetect(text), SentenceSpans.detect(detector, text));
    assertArrayEquals(FULL_STOPS.sentPosDetect(text), SentenceSpans.detect(FULL_STOPS, text));
  }

  @Test
  void noSentenceCrossesALineEnd() {
    String text = "HEADLINE WITHOUT STOP\r\nFirst one. Second one.\n\nLast line";
    assertArrayEquals(new String[] {"HEADLINE WITHOUT STOP\r\nFirst one.", "Second one.", "Last line"},
        FULL_STOPS.sentDetect(text));
    assertArrayEquals(new String[] {"HEADLINE WITHOUT STOP", "First one.", "Second one.", "Last line"},
        detector.sentDetect(text));
    assertArrayEquals(new Span[] {new Span(0, 21), new Span(23, 33), new Span(34, 45), new Span(47, 56)},
        detector.sentPosDetect(text));
  }

  @Test
  void emptyTextHasNoSentences() {
    assertArrayEquals(new Span[0], detector.sentPosDetect(""));
    assertArrayEquals(new Span[0], detector.sentPosDetect("\n\r\n"));
  }
}
