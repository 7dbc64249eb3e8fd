package org.seqnlp.eval.ir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LineReader;

/**
 * The lines of one collection file (read by {@link LineReader}: gzipped or not, line endings LF, CRLF or CR
 * removed), kept in memory for the parsers that look back and ahead, with the file name, so that every
 * parsing error can name file and line.
 *
 * <p>The collections are ASCII with a few stray 8-bit bytes; ISO-8859-1 maps every byte to one char,
 * so no input is rejected for its encoding.
 */
final class TextFile {

  private final String source;
  private final List<String> lines;

  private TextFile(String source, List<String> lines) {
    this.source = source;
    this.lines = lines;
  }

  static TextFile read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "collection file not found");
    }
    return new TextFile(file.toString(), List.copyOf(lines));
  }

  String source() {
    return source;
  }

  int lineCount() {
    return lines.size();
  }

  /** Line {@code index}, 0-based. */
  String line(int index) {
    return lines.get(index);
  }

  /** An error on line {@code index} (0-based; reported 1-based). */
  InputFormatException error(int index, String problem) {
    return InputFormatException.atLine(source, index + 1L, problem);
  }

  /** Parses {@code token} from line {@code index} as a non-negative number naming {@code what}. */
  int number(String token, int index, String what) throws InputFormatException {
    try {
      int value = Integer.parseInt(token);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the line
    }
    throw error(index, "expected a " + what + " number, found '" + token + "'");
  }
}
