package org.seqnlp.opennlp.text;

import java.util.List;
import java.util.Objects;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.util.Span;

/**
 * A sentence detector that calls another, with the forms of its methods that OpenNLP 1.9 (which Solr 9 bundles)
 * declares: that release's {@code SentenceDetector} takes Strings, OpenNLP 2's CharSequences.
 */
public abstract class WrappingSentenceDetector implements SentenceDetector {

  /** The detector called, through {@link SentenceSpans}, which reaches it on either release. */
  protected final SentenceDetector detector;

  protected WrappingSentenceDetector(SentenceDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * The sentences of {@code text}. Declared here, not only in OpenNLP 2's interface, so that the calls below
   * resolve on OpenNLP 1.9 too, whose interface lacks it.
   */
  @Override
  public abstract Span[] sentPosDetect(CharSequence text);

  @Override
  public final String[] sentDetect(CharSequence text) {
    return Span.spansToStrings(sentPosDetect(text), text);
  }

  /** Adds the sentences the wrapped detector finds in {@code text} from {@code start} to {@code end}, over text. */
  protected final void detectIn(CharSequence text, int start, int end, List<Span> sentences) {
    for (Span sentence : SentenceSpans.detect(detector, text.subSequence(start, end))) {
      sentences.add(new Span(sentence, start));
    }
  }

  /** OpenNLP 1.9's form of {@link #sentDetect(CharSequence)}. */
  public final String[] sentDetect(String text) {
    return sentDetect((CharSequence) text);
  }

  /** OpenNLP 1.9's form of {@link #sentPosDetect(CharSequence)}. */
  public final Span[] sentPosDetect(String text) {
    return sentPosDetect((CharSequence) text);
  }
}
