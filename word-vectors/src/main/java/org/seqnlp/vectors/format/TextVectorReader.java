package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
 * <p>Works on each line's raw bytes, as {@link LineReader#readLineBytes()} gives them, with a hand-written
 * tokenizer and {@link DecimalParser}: splitting Strings costs several times the parse itself on files of tens of
 * millions of values.
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

  /** A rough lower bound on the bytes of a GloVe line per dimension, to size the matrix from the file size. */
  private static final int TYPICAL_BYTES_PER_VALUE = 8;

  private final LineReader lines;
  private final String source;
  private final WordDecoder decoder;
  /** The current line's bytes: the word from index 0, the line up to {@link #lineEnd}. */
  private byte[] buffer;
  private int lineEnd;
  private long lineNumber;

  private TextVectorReader(InputStream in, String source, WordDecoder decoder) {
    this.lines = LineReader.ofDecompressed(source, in, StandardCharsets.UTF_8);
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
    return readWithHeader(in, source, decoder, fileBytes, false);
  }

  /** As {@link #readWithHeader(InputStream, String, WordDecoder, long)}, with DL4J's header ({@code parseDl4j}). */
  static WordVectors readDl4jSyn0(InputStream in, String source, WordDecoder decoder) throws IOException {
    return readWithHeader(in, source, decoder, -1, true);
  }

  private static WordVectors readWithHeader(InputStream in, String source, WordDecoder decoder, long fileBytes,
      boolean dl4jHeader) throws IOException {
    TextVectorReader reader = new TextVectorReader(in, source, decoder);
    if (!reader.nextLine()) {
      throw InputFormatException.atLine(source, 1, "empty file, expected a '<words> <dimension>' header");
    }
    VectorHeader header = dl4jHeader ? VectorHeader.parseDl4j(reader.buffer, 0, reader.lineEnd)
        : VectorHeader.parse(reader.buffer, 0, reader.lineEnd);
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
      if (lineEnd == 0) {
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

  /**
   * Parses the current line into a new row of {@code builder}. The last line must end with a line break, as every
   * writer of these formats ends it: without one, the file may be cut inside its last number ({@code 0.95} read as
   * {@code 0.}), which no count or length check would notice.
   */
  private void parseRow(WordVectorsBuilder builder) throws InputFormatException {
    if (!lines.lineEnded()) {
      throw InputFormatException.atLine(source, lineNumber, "the last line has no line break at its end, so the"
          + " file may be cut short, its last value with it (if the file is whole, end it with a line break)");
    }
    int wordEnd = nextSeparator(0);
    if (wordEnd == 0) {
      throw InputFormatException.atLine(source, lineNumber, "line starts with a space, expected a word");
    }
    String word;
    try {
      word = decoder.decode(buffer, 0, wordEnd);
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atLine(source, lineNumber, "cannot decode word '"
          + PrintableText.of(buffer, 0, wordEnd) + "': " + e.getMessage(), e);
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
    for (int position = skipSeparators(nextSeparator(0)); position < lineEnd;
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
   * Advances to the next line, setting {@code buffer}/{@code lineEnd} to its bytes without trailing spaces (the C
   * word2vec tool ends every line with a space).
   */
  private boolean nextLine() throws IOException {
    int length = lines.readLineBytes();
    if (length < 0) {
      return false;
    }
    buffer = lines.lineBytes();
    lineNumber = lines.lineNumber();
    lineEnd = length;
    while (lineEnd > 0 && (buffer[lineEnd - 1] == ' ' || buffer[lineEnd - 1] == '\t')) {
      lineEnd--;
    }
    return true;
  }

  private String lineText() {
    return text(0, Math.min(lineEnd, 80));
  }

  private String text(int from, int to) {
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }
}
