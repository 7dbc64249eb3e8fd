package org.seqnlp.eval.ner;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import opennlp.tools.util.Span;

/**
 * The entity types a score counts, for test data whose types are not the model's: a list whose entries keep a
 * type ({@code person}) or rename a type read from a labelled file and keep it under the new name
 * ({@code corporation=organization}). Spans of other types leave the test data and the predictions alike, so
 * a model trained on CoNLL-2003 can be scored on the types it shares with WNUT-17. Renaming applies to spans read
 * from a labelled file ({@link #labelled}): the test data, and another tagger's output read as test data. A model's
 * predictions ({@link #predicted}) keep the model's names.
 */
public final class ScoredTypes {

  /** Every type, unchanged. */
  public static final ScoredTypes ALL = new ScoredTypes(Map.of(), Set.of());

  private final Map<String, String> renames;
  /** The names scored; empty for every type. */
  private final Set<String> kept;

  private ScoredTypes(Map<String, String> renames, Set<String> kept) {
    this.renames = renames;
    this.kept = kept;
  }

  /**
   * Reads a list such as {@code person,location,organization,corporation=organization}.
   *
   * @throws IllegalArgumentException naming the entry that is empty, has an empty side or renames a type twice
   */
  public static ScoredTypes parse(String list) {
    Map<String, String> renames = new HashMap<>();
    Set<String> kept = new LinkedHashSet<>();
    for (String entry : list.split(",", -1)) {
      String[] sides = Arrays.stream(entry.split("=", -1)).map(String::strip).toArray(String[]::new);
      if (sides.length > 2 || Arrays.stream(sides).anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("'" + entry.strip() + "' is not TYPE or LABEL=TYPE");
      }
      String name = sides[sides.length - 1];
      if (sides.length == 2 && renames.put(sides[0], name) != null) {
        throw new IllegalArgumentException("type " + sides[0] + " is renamed twice");
      }
      kept.add(name);
    }
    return new ScoredTypes(Map.copyOf(renames), Collections.unmodifiableSet(kept));
  }

  /**
   * The scored types that none of {@code names}, spans of the test data after {@link #labelled}, has: a type
   * misspelt in the list, which would otherwise score as a table of zeros. Empty when every type is scored.
   */
  public Set<String> missingFrom(Stream<Span> names) {
    Set<String> missing = new LinkedHashSet<>(kept);
    names.forEach(span -> missing.remove(span.getType()));
    return missing;
  }

  /**
   * The labels of LABEL=TYPE entries that none of {@code names}, spans as read (before {@link #labelled}), has: a
   * label misspelt in the list, whose names would otherwise go unscored without a word.
   */
  public Set<String> unusedRenamesIn(Stream<Span> names) {
    Set<String> unused = new TreeSet<>(renames.keySet());
    names.forEach(span -> unused.remove(span.getType()));
    return unused;
  }

  /** The number of types scored; 0 for every type. */
  public int size() {
    return kept.size();
  }

  /** Whether every type is scored, unchanged. */
  public boolean isAll() {
    return kept.isEmpty();
  }

  /**
   * The spans read from a labelled file, the test data's or another tagger's, after renaming, without the spans of
   * unscored types.
   */
  public Span[] labelled(Span[] names) {
    return Arrays.stream(names).map(this::renamed).filter(this::scored).toArray(Span[]::new);
  }

  /** A model's predicted spans of scored types, under the model's names. */
  public Span[] predicted(Span[] spans) {
    return Arrays.stream(spans).filter(this::scored).toArray(Span[]::new);
  }

  private Span renamed(Span span) {
    String name = renames.get(span.getType());
    return name == null ? span : new Span(span.getStart(), span.getEnd(), name, span.getProb());
  }

  private boolean scored(Span span) {
    return kept.isEmpty() || kept.contains(span.getType());
  }

  /** The scored names in the order given, e.g. {@code person, location}; {@code every type} for {@link #ALL}. */
  @Override
  public String toString() {
    return kept.isEmpty() ? "every type" : String.join(", ", kept);
  }
}
