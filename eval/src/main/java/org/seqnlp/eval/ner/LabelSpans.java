package org.seqnlp.eval.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.Span;

/**
 * The names in one sentence's token labels, by conlleval's rules: a name starts at a {@code B-} label, or at an
 * {@code I-} label after {@code O} or after a name of another type, and ends before the next start or {@code O}.
 * Labels without the prefix (Stanford's IO output, e.g. {@code PERSON}) read as {@code I-}: a run of one label is
 * one name.
 */
public final class LabelSpans {

  private LabelSpans() {}

  /**
   * @param labels one per token: {@code O}, or {@code B-TYPE} / {@code I-TYPE} when {@code prefixed}, else
   *     {@code TYPE}
   * @throws IllegalArgumentException naming a prefixed label that is neither {@code O}, {@code B-TYPE} nor
   *     {@code I-TYPE}
   */
  public static Span[] decode(List<String> labels, boolean prefixed) {
    List<Span> spans = new ArrayList<>();
    int start = 0;
    String type = null;
    for (int i = 0; i <= labels.size(); i++) {
      String label = i == labels.size() ? "O" : labels.get(i);
      if (label.equals("O")) {
        if (type != null) {
          spans.add(new Span(start, i, type));
        }
        type = null;
        continue;
      }
      boolean begins = prefixed && label.startsWith("B-");
      if (prefixed && !begins && !label.startsWith("I-") || prefixed && label.length() == 2) {
        throw new IllegalArgumentException("label '" + label + "' is not O, B-TYPE or I-TYPE");
      }
      String labelType = prefixed ? label.substring(2) : label;
      if (type != null && (begins || !labelType.equals(type))) {
        spans.add(new Span(start, i, type));
        type = null;
      }
      if (type == null) {
        start = i;
        type = labelType;
      }
    }
    return spans.toArray(new Span[0]);
  }
}
