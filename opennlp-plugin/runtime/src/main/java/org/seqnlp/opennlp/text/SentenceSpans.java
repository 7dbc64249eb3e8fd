package org.seqnlp.opennlp.text;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.util.Span;

/**
 * Calls {@link SentenceDetector#sentPosDetect} on any OpenNLP release: OpenNLP 2 declares it for a {@code
 * CharSequence}, 1.9 (which Solr 9 bundles) for a {@code String}, and a call compiled against one fails on the
 * other with {@code NoSuchMethodError}. The method is looked up once.
 */
public final class SentenceSpans {

  /** {@code (SentenceDetector, CharSequence) -> Span[]} over the release's own method. */
  private static final MethodHandle SENT_POS_DETECT = sentPosDetect();

  private SentenceSpans() {
  }

  /** The sentences {@code detector} finds in {@code text}, as spans over it. */
  public static Span[] detect(SentenceDetector detector, CharSequence text) {
    try {
      return (Span[]) SENT_POS_DETECT.invokeExact(detector, text);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("SentenceDetector.sentPosDetect failed", e);
    }
  }

  private static MethodHandle sentPosDetect() {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      try {
        return lookup.findVirtual(SentenceDetector.class, "sentPosDetect",
            MethodType.methodType(Span[].class, CharSequence.class));
      } catch (NoSuchMethodException e) {
        MethodHandle byString = lookup.findVirtual(SentenceDetector.class, "sentPosDetect",
            MethodType.methodType(Span[].class, String.class));
        MethodHandle toString = lookup.findVirtual(CharSequence.class, "toString", MethodType.methodType(String.class));
        return MethodHandles.filterArguments(byString, 1, toString);
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("this OpenNLP's SentenceDetector has no public sentPosDetect", e);
    }
  }
}
