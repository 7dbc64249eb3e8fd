package org.seqnlp.vectors.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.seqnlp.io.PrintableText;
import org.seqnlp.vectors.WordVectors;

/**
 * Writes the text formats: one line per word, the word then its values, separated by single spaces.
 * Values are written with {@link Float#toString}, the shortest text that reads back to the same float,
 * so text files round-trip exactly.
 */
final class TextVectorWriter {

  private TextVectorWriter() {}

  /**
   * @param header whether to start with the word2vec {@code "<words> <dimension>"} line
   * @param wordEncoding how a word is spelled in the file
   * @param rowsToWrite which rows to write; the header counts only these
   */
  static void write(WordVectors vectors, OutputStream out, boolean header, UnaryOperator<String> wordEncoding,
      IntPredicate rowsToWrite) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (header) {
      int count = 0;
      for (int row = 0; row < vectors.size(); row++) {
        count += rowsToWrite.test(row) ? 1 : 0;
      }
      writer.write(new VectorHeader(count, vectors.dimension()) + "\n");
    }
    StringBuilder line = new StringBuilder();
    for (int row = 0; row < vectors.size(); row++) {
      if (!rowsToWrite.test(row)) {
        continue;
      }
      line.setLength(0);
      line.append(wordEncoding.apply(vectors.word(row)));
      for (int component = 0; component < vectors.dimension(); component++) {
        line.append(' ').append(vectors.get(row, component));
      }
      writer.append(line).append('\n');
    }
    writer.flush();
  }

  /**
   * Checks that {@code word} can stand as one token of a space-separated format.
   *
   * @return the word
   * @throws IllegalArgumentException when it is empty, holds whitespace or is longer than {@link
   *     VectorFormat#MAX_WORD_BYTES}
   */
  static String requireToken(String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("cannot write an empty word in a space-separated vector format");
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isWhitespace(word.charAt(i))) {
        throw new IllegalArgumentException("cannot write word '" + PrintableText.of(shortened(word))
            + "' in a space-separated vector format: it holds whitespace");
      }
    }
    return requireLength(word);
  }

  /** Checks that {@code word} has at most {@link VectorFormat#MAX_WORD_BYTES} bytes of UTF-8. */
  static String requireLength(String word) {
    // A UTF-8 character takes at most 3 bytes per UTF-16 char (4 per surrogate pair).
    if (3L * word.length() > VectorFormat.MAX_WORD_BYTES) {
      int bytes = word.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > VectorFormat.MAX_WORD_BYTES) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot write word '%s' (%,d bytes): vector files hold words of at most %,d bytes",
            shortened(word), bytes, VectorFormat.MAX_WORD_BYTES));
      }
    }
    return word;
  }

  private static String shortened(String word) {
    return word.length() <= 40 ? word : word.substring(0, 40) + "...";
  }
}
