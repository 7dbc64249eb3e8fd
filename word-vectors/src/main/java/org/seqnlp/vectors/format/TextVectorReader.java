package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LineReader;
import org.seqnlp.io.PrintableText;
import org.seqnlp.io.StrictUtf8;
import org.seqnlp.vectors.WordVectors;

/**
 * Reads the text formats, one word and its values a line separated by spaces or tabs: word2vec text
 * (a {@code "<words> <dimension>"} header line first), GloVe (no header: the first line sets the
 * dimension) and the {@code syn0} entry of Lucene's DL4J zip (word2vec text with encoded words).
 *
 * <p>Works on raw bytes with a hand-written tokenizer and {@link DecimalParser}: splitting Strings
 * costs several times the parse itself on files of tens of millions of values.
 */
final class TextVectorReader {

  /** Decodes a word from its bytes; throws IllegalArgumentException when they are not a valid word. */
  @FunctionalInterface
  interface WordDecoder {
    String decode(byte[] bytes, int from, int to);
  }

  static final WordDecoder UTF8_WORDS = (bytes, from, to) -> {
    try {
      return StrictUtf8.decode(bytes, from, to);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid UTF-8", e);
    }
  };

  private static final int INITIAL_BUFFER_BYTES = 1 << 18;
  /** A rough lower bound on the bytes of a GloVe line per dimension, to size the matrix from the file size. */
  private static final int TYPICAL_BYTES_PER_VALUE = 8;

  private final InputStream in;
  private final String source;
  private final WordDecoder decoder;
  private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
  private int bufferStart;
  private int bufferLimit;
  private boolean endOfInput;
  private int lineStart;
  private int lineEnd;
  private long lineNumber;

  private TextVectorReader(InputStream in, String source, WordDecoder decoder) {
    this.in = in;
    this.source = source;
    this.decoder = decoder;
  }

  /**
   * Reads a file with a {@code "<words> <dimension>"} header line.
   *
   * @param fileBytes the size of the input when known, else -1; guards against headers that would
   *     make the reader allocate far more memory than the file can fill
   */
  static WordVectors readWithHeader(InputStream in, String source, WordDecoder decoder, long fileBytes)
      throws IOException {
    TextVectorReader reader = new TextVectorReader(in, source, decoder);
    if (!reader.nextLine()) {
      throw InputFormatException.atLine(source, 1, "empty file, expected a '<words> <dimension>' header");
    }
    VectorHeader header = VectorHeader.parse(reader.buffer, reader.lineStart, reader.lineEnd);
    if (header == null) {
      throw InputFormatException.atLine(source, 1, "expected a '<words> <dimension>' header, found '"
          + reader.lineText() + "'");
    }
    String contradiction = header.contradiction(fileBytes, 2L * header.dimension() + 2);
    if (contradiction != null) {
      throw InputFormatException.atLine(source, 1, contradiction);
    }
    WordVectorsBuilder builder = new WordVectorsBuilder(header.dimension(), header.wordsToPreallocate(fileBytes));
    reader.readRows(builder, header.words());
    if (builder.size() < header.words()) {
      throw InputFormatException.atLine(source, reader.lineNumber + 1, "header declares "
          + header.words() + " words but the file ends after " + builder.size());
    }
    return builder.build();
  }

  /** Reads a GloVe file: no header, every line as long as the first. */
  static WordVectors readWithoutHeader(InputStream in, String source, long fileBytes) throws IOException {
    TextVectorReader reader = new TextVectorReader(in, source, UTF8_WORDS);
    if (!reader.nextLine()) {
      throw InputFormatException.atLine(source, 1, "empty file, expected '<word> <value> ...' lines");
    }
    int dimension = reader.countValuesOnLine();
    if (dimension == 0) {
      throw InputFormatException.atLine(source, 1, "expected '<word> <value> ...', found '"
          + reader.lineText() + "'");
    }
    if (dimension > VectorHeader.MAX_DIMENSION) {
      throw InputFormatException.atLine(source, 1, dimension + " values after the word, more than the "
          + VectorHeader.MAX_DIMENSION + " dimensions the readers accept");
    }
    long expectedWords = fileBytes < 0 ? 0 : fileBytes / ((long) dimension * TYPICAL_BYTES_PER_VALUE);
    WordVectorsBuilder builder = new WordVectorsBuilder(dimension,
        (int) Math.min(expectedWords, ArrayLimits.MAX_LENGTH / dimension));
    reader.parseRow(builder);
    reader.readRows(builder, Integer.MAX_VALUE);
    return builder.build();
  }

  private void readRows(WordVectorsBuilder builder, int maxWords) throws IOException {
    long blankLine = 0;
    while (nextLine()) {
      if (lineStart == lineEnd) {
        blankLine = blankLine == 0 ? lineNumber : blankLine;
        continue;
      }
      if (blankLine != 0) {
        throw InputFormatException.atLine(source, blankLine, "empty line");
      }
      if (builder.size() == maxWords) {
        throw InputFormatException.atLine(source, lineNumber, "more vectors than the " + maxWords
            + " the header declares");
      }
      parseRow(builder);
    }
  }

  /** Parses the current line into a new row of {@code builder}. */
  private void parseRow(WordVectorsBuilder builder) throws InputFormatException {
    int wordEnd = nextSeparator(lineStart);
    if (wordEnd == lineStart) {
      throw InputFormatException.atLine(source, lineNumber, "line starts with a space, expected a word");
    }
    String word;
    try {
      word = decoder.decode(buffer, lineStart, wordEnd);
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atLine(source, lineNumber, "cannot decode word '"
          + PrintableText.of(buffer, lineStart, wordEnd) + "': " + e.getMessage(), e);
    }
    int firstRow = builder.rowOf(word);
    if (firstRow >= 0) {
      throw InputFormatException.atLine(source, lineNumber, "duplicate word '" + word
          + "', already on line " + (lineNumber - builder.size() + firstRow));
    }
    int dimension = builder.dimension();
    int offset = builder.add(word);
    float[] values = builder.values();
    int count = 0;
    int position = skipSeparators(wordEnd);
    while (position < lineEnd) {
      int end = nextSeparator(position);
      if (count < dimension) {
        values[offset + count] = parseValue(position, end);
      }
      count++;
      position = skipSeparators(end);
    }
    if (count != dimension) {
      throw InputFormatException.atLine(source, lineNumber, "expected " + dimension
          + " values after word '" + word + "', found " + count);
    }
  }

  private float parseValue(int from, int to) throws InputFormatException {
    float value;
    try {
      value = DecimalParser.parseFloat(buffer, from, to);
    } catch (NumberFormatException e) {
      throw InputFormatException.atLine(source, lineNumber, "not a number: '" + text(from, to) + "'");
    }
    if (!Float.isFinite(value)) {
      throw InputFormatException.atLine(source, lineNumber, "not a finite number: '" + text(from, to) + "'");
    }
    return value;
  }

  /** Counts the values after the word on the current line. */
  private int countValuesOnLine() {
    int count = 0;
    for (int position = skipSeparators(nextSeparator(lineStart)); position < lineEnd;
        position = skipSeparators(nextSeparator(position))) {
      count++;
    }
    return count;
  }

  private int nextSeparator(int position) {
    while (position < lineEnd && buffer[position] != ' ' && buffer[position] != '\t') {
      position++;
    }
    return position;
  }

  private int skipSeparators(int position) {
    while (position < lineEnd && (buffer[position] == ' ' || buffer[position] == '\t')) {
      position++;
    }
    return position;
  }

  /**
   * Advances to the next line, setting {@code lineStart}/{@code lineEnd} to its bytes without the line
   * terminator and trailing spaces (the C word2vec tool ends every line with a space).
   */
  private boolean nextLine() throws IOException {
    int scanFrom = bufferStart;
    int newline;
    while ((newline = indexOfNewline(scanFrom)) < 0) {
      if (endOfInput) {
        if (bufferStart == bufferLimit) {
          return false;
        }
        newline = bufferLimit;
        break;
      }
      scanFrom = bufferLimit - bufferStart;
      fill();
    }
    lineNumber++;
    lineStart = bufferStart;
    lineEnd = newline;
    // a UTF-8 byte-order mark, as LineReader drops it: else it would be part of the first word or header
    if (lineNumber == 1 && StrictUtf8.startsWithByteOrderMark(buffer, lineStart, lineEnd)) {
      lineStart += 3;
    }
    while (lineEnd > lineStart && (buffer[lineEnd - 1] == '\r' || buffer[lineEnd - 1] == ' '
        || buffer[lineEnd - 1] == '\t')) {
      lineEnd--;
    }
    bufferStart = Math.min(newline + 1, bufferLimit);
    return true;
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < bufferLimit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Moves the unread bytes to the front of the buffer (growing it for long lines) and reads more. */
  private void fill() throws IOException {
    int unread = bufferLimit - bufferStart;
    if (unread == buffer.length) {
      if (buffer.length >= LineReader.MAX_LINE_BYTES) {
        throw InputFormatException.atLine(source, lineNumber + 1, "line longer than " + LineReader.MAX_LINE_BYTES
            + " bytes; is this a text vector file?");
      }
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    System.arraycopy(buffer, bufferStart, buffer, 0, unread);
    bufferStart = 0;
    bufferLimit = unread;
    int read = in.read(buffer, bufferLimit, buffer.length - bufferLimit);
    if (read < 0) {
      endOfInput = true;
    } else {
      bufferLimit += read;
    }
  }

  private String lineText() {
    return text(lineStart, Math.min(lineEnd, lineStart + 80));
  }

  private String text(int from, int to) {
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }
}
