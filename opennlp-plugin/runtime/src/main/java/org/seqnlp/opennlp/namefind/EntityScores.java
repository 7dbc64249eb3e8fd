package org.seqnlp.opennlp.namefind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.Span;

/**
 * Entity-level precision, recall and F1, overall and per entity type: an entity counts as found when a
 * predicted span has the same start, end and type as a reference span (CoNLL's exact match, and
 * OpenNLP's {@code FMeasure} as {@code TokenNameFinderEvaluator} uses it). Not thread-safe.
 */
public final class EntityScores {

  /** Counts of one type, or of all types together. */
  public static final class Counts {
    private long truePositives;
    private long predicted;
    private long reference;

    public long truePositives() {
      return truePositives;
    }

    public long predicted() {
      return predicted;
    }

    public long reference() {
      return reference;
    }

    public double precision() {
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
      return reference == 0 ? 0 : (double) truePositives / reference;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private final Counts overall = new Counts();
  private final Map<String, Counts> byType = new TreeMap<>();

  /** Adds one sentence's reference and predicted entities. */
  public void add(Span[] reference, Span[] predicted) {
    Map<Span, Integer> unmatched = new HashMap<>();
    for (Span span : reference) {
      unmatched.merge(span, 1, Integer::sum);
      count(span).reference++;
      overall.reference++;
    }
    for (Span span : predicted) {
      Counts counts = count(span);
      counts.predicted++;
      overall.predicted++;
      Integer left = unmatched.get(span);
      if (left != null && left > 0) {
        unmatched.put(span, left - 1);
        counts.truePositives++;
        overall.truePositives++;
      }
    }
  }

  private Counts count(Span span) {
    return byType.computeIfAbsent(String.valueOf(span.getType()), type -> new Counts());
  }

  public Counts overall() {
    return overall;
  }

  /** Counts per entity type, types in alphabetical order. */
  public Map<String, Counts> byType() {
    return Collections.unmodifiableMap(byType);
  }

  /** A table: one line per type and one for all, with precision, recall, F1 (percent) and counts. */
  public String format() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-14s %9s %9s %9s %9s %9s %9s", "type", "precision", "recall", "F1", "correct",
        "predicted", "reference"));
    byType.forEach((type, counts) -> lines.add(line(type, counts)));
    lines.add(line("overall", overall));
    return String.join(System.lineSeparator(), lines);
  }

  private static String line(String name, Counts counts) {
    return String.format(java.util.Locale.ROOT, "%-14s %9.2f %9.2f %9.2f %9d %9d %9d", name,
        100 * counts.precision(), 100 * counts.recall(), 100 * counts.f1(), counts.truePositives(),
        counts.predicted(), counts.reference());
  }
}
