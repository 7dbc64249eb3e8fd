package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.PrintableText;
import org.seqnlp.io.StrictUtf8;
import org.seqnlp.vectors.WordVectors;

/**
 * Reads the word2vec binary format: a {@code "<words> <dimension>\n"} header, then per word its UTF-8
 * bytes, a space and {@code dimension} little-endian float32 values, optionally followed by a newline
 * (the C tool and gensim write one, fastText does not; newlines before a word are skipped).
 *
 * <p>Vectors are copied in bulk from a little-endian buffer view into the matrix, so loading costs
 * little more than the read itself.
 */
final class BinaryVectorReader {

  private static final int BUFFER_BYTES = 1 << 20;
  private static final int MAX_HEADER_BYTES = 64;
  private static final int MAX_WORD_BYTES = VectorFormat.MAX_WORD_BYTES;

  private final ReadableByteChannel channel;
  private final String source;
  private ByteBuffer buffer;
  /** Bytes of the input before the buffer's first byte, to report absolute offsets. */
  private long bufferOffset;
  private boolean endOfInput;

  private BinaryVectorReader(InputStream in, String source) {
    this.channel = Channels.newChannel(in);
    this.source = source;
    this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN).flip();
  }

  /**
   * @param fileBytes the size of the input when known, else -1; guards against headers that would
   *     make the reader allocate far more memory than the file can fill
   */
  static WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
    BinaryVectorReader reader = new BinaryVectorReader(in, source);
    VectorHeader header = reader.readHeader();
    String contradiction = header.contradiction(fileBytes, 4L * header.dimension() + 2);
    if (contradiction != null) {
      throw InputFormatException.atByte(source, 0, contradiction);
    }
    reader.reserve(4 * header.dimension() + 1);
    return reader.readRecords(header, header.wordsToPreallocate(fileBytes));
  }

  private VectorHeader readHeader() throws IOException {
    ensure(MAX_HEADER_BYTES);
    int newline = -1;
    for (int i = 0; i < buffer.limit(); i++) {
      if (buffer.get(i) == '\n') {
        newline = i;
        break;
      }
    }
    byte[] line = new byte[newline < 0 ? buffer.limit() : newline];
    buffer.get(line);
    // a byte-order mark before the header is dropped, as detection and the text readers drop it
    int start = StrictUtf8.startsWithByteOrderMark(line, 0, line.length) ? 3 : 0;
    VectorHeader header = newline < 0 ? null : VectorHeader.parse(line, start, line.length);
    if (header == null) {
      String shown = new String(line, 0, Math.min(line.length, 40), StandardCharsets.UTF_8);
      throw InputFormatException.atByte(source, 0, "expected a '<words> <dimension>' header line, found '"
          + shown + "'");
    }
    buffer.get();
    return header;
  }

  private WordVectors readRecords(VectorHeader header, int preallocatedWords) throws IOException {
    int dimension = header.dimension();
    WordVectorsBuilder builder = new WordVectorsBuilder(dimension, preallocatedWords);
    byte[] word = new byte[64];
    for (int row = 0; row < header.words(); row++) {
      skipNewlines();
      long recordStart = position();
      if (!ensure(1)) {
        throw InputFormatException.atByte(source, recordStart, "header declares " + header.words()
            + " words but the file ends after " + row);
      }
      int wordLength = 0;
      while (true) {
        if (!ensure(1)) {
          throw InputFormatException.atByte(source, recordStart, "record " + (row + 1)
              + " is truncated: the file ends inside its word");
        }
        byte b = buffer.get();
        if (b == ' ') {
          break;
        }
        if (wordLength == MAX_WORD_BYTES) {
          throw InputFormatException.atByte(source, recordStart, "record " + (row + 1)
              + " has no space after " + MAX_WORD_BYTES + " bytes of word; is this a word2vec binary file?");
        }
        if (wordLength == word.length) {
          word = Arrays.copyOf(word, word.length * 2);
        }
        word[wordLength++] = b;
      }
      String text;
      try {
        text = StrictUtf8.decode(word, 0, wordLength);
      } catch (CharacterCodingException e) {
        throw InputFormatException.atByte(source, recordStart, "the word of record " + (row + 1) + ", '"
            + PrintableText.of(word, 0, wordLength) + "', is not valid UTF-8");
      }
      if (text.isEmpty() || text.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
        // word2vec splits its text into words at these, so no word of a file it wrote holds one
        throw InputFormatException.atByte(source, recordStart, "the word of record " + (row + 1) + ", '"
            + PrintableText.of(text) + "', is empty or holds a tab or line break, which no word2vec tool writes");
      }
      int firstRow = builder.rowOf(text);
      if (firstRow >= 0) {
        throw InputFormatException.atByte(source, recordStart, "duplicate word '" + text
            + "', already record " + (firstRow + 1));
      }
      long vectorStart = position();
      if (!ensure(4 * dimension)) {
        throw InputFormatException.atByte(source, recordStart, "record of word '" + text
            + "' is truncated: expected " + 4 * dimension + " bytes of vector, the file ends after "
            + buffer.remaining());
      }
      int offset = builder.add(text);
      float[] values = builder.values();
      buffer.asFloatBuffer().get(values, offset, dimension);
      buffer.position(buffer.position() + 4 * dimension);
      for (int i = 0; i < dimension; i++) {
        if (!Float.isFinite(values[offset + i])) {
          throw InputFormatException.atByte(source, vectorStart + 4L * i, "value " + (i + 1)
              + " of word '" + text + "' is not a finite number: " + values[offset + i]);
        }
      }
    }
    skipWhitespace();
    if (ensure(1)) {
      throw InputFormatException.atByte(source, position(), "data after the last of the "
          + header.words() + " vectors the header declares");
    }
    return builder.build();
  }

  private void skipNewlines() throws IOException {
    while (ensure(1) && buffer.get(buffer.position()) == '\n') {
      buffer.get();
    }
  }

  private void skipWhitespace() throws IOException {
    while (ensure(1) && Character.isWhitespace(buffer.get(buffer.position()))) {
      buffer.get();
    }
  }

  /** Grows the buffer, keeping its unread bytes, so that {@link #ensure} can ask for {@code bytes}. */
  private void reserve(int bytes) {
    if (buffer.capacity() < bytes) {
      ByteBuffer larger = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
      bufferOffset += buffer.position();
      buffer = larger.put(buffer).flip();
    }
  }

  private long position() {
    return bufferOffset + buffer.position();
  }

  /** Makes {@code bytes} bytes available in the buffer unless the input ends first; tells which. */
  private boolean ensure(int bytes) throws IOException {
    while (buffer.remaining() < bytes && !endOfInput) {
      bufferOffset += buffer.position();
      buffer.compact();
      if (channel.read(buffer) < 0) {
        endOfInput = true;
      }
      buffer.flip();
    }
    return buffer.remaining() >= bytes;
  }
}
