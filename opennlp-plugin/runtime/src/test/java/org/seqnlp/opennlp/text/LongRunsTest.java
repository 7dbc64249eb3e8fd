package org.seqnlp.opennlp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** {@link LongRuns} and the wrappers that keep long runs from OpenNLP's models. */
class LongRunsTest {

  private static final int MAX = LongRuns.MAX_CHARS;

  /** Splits at whitespace, or gives a fixed answer, remembering the texts it was given. */
  private static final class RecordingTokenizer implements Tokenizer {
    final List<String> given = new ArrayList<>();
    final Span[] answer;

    RecordingTokenizer(Span[] answer) {
      this.answer = answer;
    }

    @Override
    public String[] tokenize(String text) {
      return Span.spansToStrings(tokenizePos(text), text);
    }

    @Override
    public Span[] tokenizePos(String text) {
      given.add(text);
      return answer != null ? answer : WhitespaceTokenizer.INSTANCE.tokenizePos(text);
    }
  }

  /** The whole text, trimmed, as one sentence, remembering the texts it was given. */
  private static final class RecordingDetector implements SentenceDetector {
    final List<String> given = new ArrayList<>();

    @Override
    public String[] sentDetect(CharSequence text) {
      return Span.spansToStrings(sentPosDetect(text), text);
    }

    @Override
    public Span[] sentPosDetect(CharSequence text) {
      given.add(text.toString());
      Span whole = new Span(0, text.length()).trim(text);
      return whole.length() == 0 ? new Span[0] : new Span[] {whole};
    }
  }

  @Test
  void textWithoutALongRunGoesToTheTokenizerWholeAndItsAnswerIsKept() {
    String text = "a".repeat(MAX) + " b, c";
    Span[] answer = {new Span(0, 1, "x")};
    RecordingTokenizer tokenizer = new RecordingTokenizer(answer);
    assertSame(answer, new RunBoundedTokenizer(tokenizer).tokenizePos(text));
    assertEquals(List.of(text), tokenizer.given);
    assertEquals(List.of(new LongRuns.Stretch(0, text.length(), false)), LongRuns.stretches(text));
    assertEquals(List.of(new LongRuns.Stretch(0, 0, false)), LongRuns.stretches(""));
  }

  @Test
  void aLongRunIsTokenisedInPiecesAndTheTextAroundItWhole() {
    String run = "x".repeat(2 * MAX + 5);
    String text = "one two " + run + "\u00a0three";
    assertEquals(List.of(new LongRuns.Stretch(0, 8, false), new LongRuns.Stretch(8, 8 + run.length(), true),
        new LongRuns.Stretch(8 + run.length(), text.length(), false)), LongRuns.stretches(text));
    RecordingTokenizer tokenizer = new RecordingTokenizer(null);
    RunBoundedTokenizer bounded = new RunBoundedTokenizer(tokenizer);
    Span[] tokens = bounded.tokenizePos(text);
    assertEquals(List.of("one two ", "x".repeat(MAX), "x".repeat(MAX), "xxxxx", "\u00a0three"), tokenizer.given);
    assertArrayEquals(new String[] {"one", "two", "x".repeat(MAX), "x".repeat(MAX), "xxxxx", "three"},
        Span.spansToStrings(tokens, text));
    assertArrayEquals(Span.spansToStrings(tokens, text), bounded.tokenize(text));
  }

  @Test
  void aPieceNeverEndsInsideASurrogatePair() {
    String text = "x".repeat(MAX - 1) + "\uD83D\uDE00" + "y".repeat(MAX);
    RecordingTokenizer tokenizer = new RecordingTokenizer(null);
    new RunBoundedTokenizer(tokenizer).tokenizePos(text);
    assertEquals(List.of("x".repeat(MAX - 1), "\uD83D\uDE00" + "y".repeat(MAX - 2), "yy"), tokenizer.given);
  }

  @Test
  void aLongRunIsASentenceOfItsOwnAndTheDetectorSeesOnlyTheTextAroundIt() {
    String run = "a.".repeat(MAX);
    String text = "First one. " + run + " Last one.";
    RecordingDetector detector = new RecordingDetector();
    RunBoundedSentenceDetector bounded = new RunBoundedSentenceDetector(detector);
    assertArrayEquals(new String[] {"First one.", run, "Last one."}, bounded.sentDetect(text));
    assertEquals(List.of("First one. ", " Last one."), detector.given);
    assertArrayEquals(bounded.sentPosDetect((CharSequence) text), bounded.sentPosDetect(text));
    assertArrayEquals(bounded.sentDetect((CharSequence) text), bounded.sentDetect(text));
  }

  @Test
  void textWithoutALongRunGoesToTheDetectorWhole() {
    String text = "One. Two.";
    RecordingDetector detector = new RecordingDetector();
    assertArrayEquals(new Span[] {new Span(0, 9)}, new RunBoundedSentenceDetector(detector).sentPosDetect(text));
    assertEquals(List.of(text), detector.given);
  }
}
