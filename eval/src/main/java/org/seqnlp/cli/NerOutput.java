package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.Locale;
import opennlp.tools.namefind.NameSample;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Name;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Sentence;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Token;

/**
 * Writes the sentences {@code seqnlp ner} tags, one format:
 * <ul>
 *   <li>{@code markup}: OpenNLP's name-sample format, one sentence a line ({@code <START:person> Tim Cook
 *       <END>}), a blank line between documents, which OpenNLP's tools read as a document boundary;</li>
 *   <li>{@code conll}: one token a line with its IOB2 tag, a blank line after every sentence, and a
 *       {@code -DOCSTART-} line between documents, as CoNLL-2003 marks them;</li>
 *   <li>{@code json}: one JSON object a line per sentence (JSON Lines), so output streams however long the
 *       input: the input's name, the 0-based indices of the document in the input and of the sentence in
 *       the document, the sentence's character offsets and text, its tokens with offsets, and its names
 *       with type, token span, character offsets, text and probability. Offsets count characters (UTF-16
 *       code units, as Java and JavaScript strings do) from the start of the input, a line end counting as
 *       one character whether it was {@code \n} or {@code \r\n}; ends are exclusive.</li>
 * </ul>
 */
final class NerOutput {

  /** How many sentences of a document are written between two checks that the output still takes them. */
  private static final int CHECK_EVERY = 64;

  enum Format {
    MARKUP, CONLL, JSON
  }

  private final Format format;
  private final PrintWriter out;
  private boolean anyDocument;
  private String input;
  private int document = -1;
  private int sentence;

  NerOutput(Format format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  /** Starts a document of {@code input}, the first of the input if {@code input} changed. */
  void startDocument(String input) {
    if (!input.equals(this.input)) {
      this.input = input;
      document = -1;
    }
    document++;
    sentence = 0;
    if (anyDocument) {
      switch (format) {
        case MARKUP -> out.println();
        case CONLL -> out.print("-DOCSTART-\tO\n\n");
        case JSON -> {
        }
      }
    }
    anyDocument = true;
  }

  /**
   * Writes a sentence of the current document whose offsets are relative to {@code offset} in the input.
   *
   * @throws IOException when the output can no longer be written, so that tagging stops there rather than go on
   *     to the end of the input for nobody: a full disk, or a reader such as {@code head} that has gone
   */
  void sentence(Sentence tagged, long offset) throws IOException {
    if (tagged.tokens().isEmpty()) {
      return;
    }
    switch (format) {
      case MARKUP -> out.println(new NameSample(tagged.tokenTexts(), tagged.nameSpans(), false));
      case CONLL -> out.print(conll(tagged));
      case JSON -> out.println(json(tagged, offset));
    }
    // checked now and then: checkError() flushes, which would otherwise cost a write per sentence
    if (sentence % CHECK_EVERY == 0 && out.checkError()) {
      throw new FileSystemException(SeqNlp.STANDARD_OUTPUT, null, "cannot write (the disk is full, or its reader"
          + " has stopped reading); tagging stopped");
    }
    sentence++;
  }

  private static String conll(Sentence tagged) {
    String[] tags = new String[tagged.tokens().size()];
    Arrays.fill(tags, "O");
    for (Name name : tagged.names()) {
      for (int i = name.tokenStart(); i < name.tokenEnd(); i++) {
        tags[i] = (i == name.tokenStart() ? "B-" : "I-") + name.type();
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tags.length; i++) {
      text.append(tagged.tokens().get(i).text()).append('\t').append(tags[i]).append('\n');
    }
    return text.append('\n').toString();
  }

  private String json(Sentence tagged, long offset) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"input\":");
    quote(json, input);
    json.append(",\"document\":").append(document).append(",\"sentence\":").append(sentence)
        .append(",\"start\":").append(offset + tagged.start()).append(",\"end\":").append(offset + tagged.end())
        .append(",\"text\":");
    quote(json, tagged.text());
    json.append(",\"tokens\":[");
    for (int i = 0; i < tagged.tokens().size(); i++) {
      Token token = tagged.tokens().get(i);
      json.append(i == 0 ? "{\"text\":" : ",{\"text\":");
      quote(json, token.text());
      json.append(",\"start\":").append(offset + token.start()).append(",\"end\":").append(offset + token.end())
          .append('}');
    }
    json.append("],\"names\":[");
    for (int i = 0; i < tagged.names().size(); i++) {
      Name name = tagged.names().get(i);
      json.append(i == 0 ? "{\"type\":" : ",{\"type\":");
      quote(json, name.type());
      json.append(",\"tokenStart\":").append(name.tokenStart()).append(",\"tokenEnd\":").append(name.tokenEnd())
          .append(",\"start\":").append(offset + name.start()).append(",\"end\":").append(offset + name.end())
          .append(",\"text\":");
      quote(json, name.text());
      json.append(",\"probability\":").append(probability(name.probability())).append('}');
    }
    return json.append("]}").toString();
  }

  /** JSON has no NaN or infinity; a finder that gives no probability gets null. */
  private static String probability(double probability) {
    return Double.isFinite(probability) ? String.format(Locale.ROOT, "%.4f", probability) : "null";
  }

  /** Appends {@code text} as a JSON string (RFC 8259): quote, backslash and control characters escaped. */
  static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          // U+2028 and U+2029 are valid in JSON but end lines in JavaScript source; escape them too.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
