package org.seqnlp.opennlp.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import opennlp.tools.util.Span;
import org.seqnlp.io.InputFormatException;

/**
 * Turns the tags of one sentence into entity spans under a {@link TagScheme}, checking the sequence
 * when the scheme was chosen, and gathers the evidence {@link #detectedScheme()} weighs.
 */
final class TagDecoder {

  private final TagScheme scheme;
  private final EntityTypes types;
  /** Entities started by B- after O or another type, which IOB1 forbids. */
  private long iob2Evidence;
  /** Entities started by I-, which IOB2 forbids. */
  private long iob1Evidence;
  private boolean sawBeginTag;

  TagDecoder(TagScheme scheme, EntityTypes types) {
    this.scheme = scheme;
    this.types = types;
  }

  /** Whether {@code tag} is {@code O}, {@code B-type} or {@code I-type}. */
  static boolean isWellFormed(String tag) {
    return tag.equals("O") || tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-"));
  }

  /**
   * The spans of one sentence whose tags, all {@linkplain #isWellFormed well formed}, stand on
   * consecutive lines from {@code firstLine} of {@code lines}.
   */
  Span[] decode(List<String> tags, FileLineStream lines, long firstLine) throws InputFormatException {
    List<Span> spans = new ArrayList<>();
    String previousType = null;
    int start = -1;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      String type = tag.equals("O") ? null : tag.substring(2);
      boolean continues = type != null && type.equals(previousType);
      boolean starts = type != null && (tag.charAt(0) == 'B' || !continues);
      if (starts) {
        check(tag, type, continues, lines, firstLine + i);
        if (tag.charAt(0) == 'B') {
          sawBeginTag = true;
          iob2Evidence += continues ? 0 : 1;
        } else {
          iob1Evidence++;
        }
      }
      if (start >= 0 && (type == null || starts)) {
        add(spans, start, i, previousType);
        start = -1;
      }
      if (starts) {
        start = i;
      }
      previousType = type;
    }
    if (start >= 0) {
      add(spans, start, tags.size(), previousType);
    }
    return spans.toArray(new Span[0]);
  }

  private void check(String tag, String type, boolean continuesType, FileLineStream lines, long line)
      throws InputFormatException {
    boolean begins = tag.charAt(0) == 'B';
    if (scheme == TagScheme.IO && begins) {
      throw lines.error(line, tag + " is not an IO tag (IO has only I-type and O; scheme auto or iob2 reads it)");
    }
    if (scheme == TagScheme.IOB1 && begins && !continuesType) {
      throw lines.error(line, tag + " does not follow a token of type " + type + " (IOB1 uses B- only between"
          + " two adjacent entities of one type; scheme auto reads it as an entity start)");
    }
    if (scheme == TagScheme.IOB2 && !begins) {
      throw lines.error(line, tag + " does not continue an entity of type " + type + " (IOB2 starts every"
          + " entity with B-; scheme auto reads it as an entity start)");
    }
  }

  private void add(List<Span> spans, int start, int end, String label) {
    String name = types.name(label);
    if (types.keeps(name)) {
      spans.add(new Span(start, end, name));
    }
  }

  /** See {@link ConllNameSampleStream#detectedScheme()}. */
  Optional<TagScheme> detectedScheme() {
    if (iob1Evidence > iob2Evidence) {
      return Optional.of(sawBeginTag ? TagScheme.IOB1 : TagScheme.IO);
    }
    return iob2Evidence > 0 ? Optional.of(TagScheme.IOB2) : Optional.empty();
  }

  void reset() {
    iob2Evidence = 0;
    iob1Evidence = 0;
    sawBeginTag = false;
  }
}
