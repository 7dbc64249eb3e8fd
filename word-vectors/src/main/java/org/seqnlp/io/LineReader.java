package org.seqnlp.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a text file line by line and counts the lines, so that a format reader can name the line of
 * every problem it finds.
 *
 * <ul>
 *   <li>A gzip-compressed file is recognised by its first two bytes, whatever its name, and
 *       decompressed by {@link GzipInput}: damaged gzip data are an {@link InputFormatException} at their
 *       offset in the compressed file.
 *   <li>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (old Mac files), as for Java's {@code
 *       BufferedReader} and Python's universal newlines; {@code \r} bytes followed by {@code \n} end one line
 *       ({@code \r\r\n} is a {@code \r\n} file converted again by a Windows program). A UTF-8 byte order mark at the
 *       start of the file is dropped, and is an error when the file is read in another charset. A line
 *       longer than the reader's limit is an {@link InputFormatException}, since a few megabytes of gzip
 *       can hold a line of gigabytes: {@value #MAX_LINE_BYTES} bytes, or {@value #MAX_CORPUS_LINE_BYTES}
 *       for corpora, which may be one line (text8).
 *   <li>Bytes that are not valid in the charset are an {@link InputFormatException} at their line,
 *       never silently replaced. Each line is split off as bytes before it is decoded, so the line
 *       number is exact; this is why the charset must encode {@code \n} as the single byte 0x0A, as
 *       UTF-8, ASCII and the ISO-8859 family do.
 * </ul>
 */
public final class LineReader implements Closeable {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  /** The longest line read, 64 MiB. */
  public static final int MAX_LINE_BYTES = 1 << 26;
  /** The longest line of a training corpus, 1 GiB: some corpora, text8 for one, are a single line. */
  public static final int MAX_CORPUS_LINE_BYTES = 1 << 30;

  private final String source;
  private final int maxLineBytes;
  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private long lineNumber;
  /** Whether the last line ended at a {@code \r}: {@code \r} bytes and a {@code \n} after it may be its end too. */
  private boolean afterCarriageReturn;
  /** Empty lines, ended by {@code \r} alone, read but not yet returned. */
  private long blankLinesPending;
  /** Whether the line read last ended with a line break ({@link #lineEnded()}). */
  private boolean lineEnded;

  private LineReader(String source, InputStream in, Charset charset, int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
    this.source = source;
    this.in = in;
    this.charset = charset;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Opens {@code file}, decompressing it if it is gzipped.
   *
   * @throws IllegalArgumentException if {@code charset} does not encode {@code \n} as one byte
   */
  public static LineReader open(Path file, Charset charset) throws IOException {
    return open(file, charset, MAX_LINE_BYTES);
  }

  /** As {@link #open(Path, Charset)}, with lines of up to {@code maxLineBytes} bytes. */
  public static LineReader open(Path file, Charset charset, int maxLineBytes) throws IOException {
    requireSupported(charset);
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new FileSystemException(source, null, "is a directory, not a file");
    }
    InputStream raw;
    try {
      raw = InputFiles.open(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(source, null, "no such file");
    }
    try {
      return of(source, raw, charset, maxLineBytes);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Reads {@code in} (standard input, say), decompressing it if it is gzipped; errors name it
   * {@code source}. Closing the reader closes {@code in}.
   *
   * @throws IllegalArgumentException if {@code charset} does not encode {@code \n} as one byte
   */
  public static LineReader of(String source, InputStream in, Charset charset) throws IOException {
    return of(source, in, charset, MAX_LINE_BYTES);
  }

  /**
   * Reads {@code in} as it is, for a stream its caller has already decompressed: gzip bytes in it are then content,
   * not one more layer. Errors name it {@code source}; closing the reader closes {@code in}.
   *
   * @throws IllegalArgumentException if {@code charset} does not encode {@code \n} as one byte
   */
  public static LineReader ofDecompressed(String source, InputStream in, Charset charset) {
    requireSupported(charset);
    return new LineReader(source, in, charset, MAX_LINE_BYTES);
  }

  private static LineReader of(String source, InputStream in, Charset charset, int maxLineBytes) throws IOException {
    requireSupported(charset);
    return new LineReader(source, GzipInput.decompressIfGzip(source, in), charset, maxLineBytes);
  }

  private static void requireSupported(Charset charset) {
    if (!supports(charset)) {
      throw new IllegalArgumentException("line reading needs a charset that encodes line ends as single"
          + " bytes, such as UTF-8 or ISO-8859-1, not " + charset.name());
    }
  }

  /** Whether files in {@code charset} can be read: it must encode {@code \r} and {@code \n} as one byte each. */
  public static boolean supports(Charset charset) {
    return Arrays.equals("\r\n".getBytes(charset), new byte[] {'\r', '\n'});
  }

  /** The next line without its line end, or null at the end of the file. */
  public String readLine() throws IOException {
    int length = nextLine();
    if (length < 0) {
      return null;
    }
    if (lineNumber == 1 && StrictUtf8.startsWithByteOrderMark(line, 0, length)
        && !charset.equals(StandardCharsets.UTF_8)) {
      // decoded as ISO-8859-1 it would be three letters at the start of the first token, and a silent misreading
      throw InputFormatException.atLine(source, 1, "starts with a UTF-8 byte order mark, but is read as " + charset
          + "; is the file UTF-8?");
    }
    String text = decode(length);
    return lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  /**
   * Reads the next line undecoded, for a format that parses bytes itself (tens of millions of numbers, where
   * Strings would cost more than the parse): its bytes without the line end are {@link #lineBytes()} from index 0
   * up to the length returned, until the next read. Lines end as for {@link #readLine()}, and a UTF-8 byte order
   * mark at the start of the file is dropped, but the bytes are not checked against the charset: the caller decodes
   * what it keeps.
   *
   * @return the line's length in bytes, or -1 at the end of the file
   */
  public int readLineBytes() throws IOException {
    int length = nextLine();
    if (lineNumber == 1 && length >= 0 && StrictUtf8.startsWithByteOrderMark(line, 0, length)) {
      length -= 3;
      System.arraycopy(line, 3, line, 0, length);
    }
    return length;
  }

  /** The bytes of the line {@link #readLineBytes()} read last, from index 0; valid until the next read. */
  public byte[] lineBytes() {
    return line;
  }

  /**
   * Whether the line read last ended with a line break: false for a last line that runs to the end of the file, as
   * one does when a file is cut short (or its writer left the break out).
   */
  public boolean lineEnded() {
    return lineEnded;
  }

  /** Reads the next line's bytes into {@link #line}: its length, or -1 at the end of the file. */
  private int nextLine() throws IOException {
    lineEnded = true;
    if (blankLinesPending > 0) {
      blankLinesPending--;
      lineNumber++;
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    if (afterCarriageReturn) {
      afterCarriageReturn = false;
      long returns = skipCarriageReturns();
      if (position < limit && buffer[position] == '\n') {
        // \r\n, or \r\r\n from a \r\n file converted once more: one line end, that of the line returned last
        position++;
      } else if (returns > 0) {
        // old Mac line ends: each further \r ends an empty line
        blankLinesPending = returns - 1;
        lineNumber++;
        return 0;
      }
      if (position == limit && !fill()) {
        return -1;
      }
    }
    int length = 0;
    while (true) {
      int end = position;
      while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      length = append(length, end - position);
      if (end < limit) {
        position = end + 1;
        // what follows a \r decides whether it ends the line alone, so the next call looks
        afterCarriageReturn = buffer[end] == '\r';
        break;
      }
      position = limit;
      if (!fill()) {
        lineEnded = false;
        break;
      }
    }
    lineNumber++;
    return length;
  }

  /** Skips the {@code \r} bytes at the reading position, refilling as needed, and counts them. */
  private long skipCarriageReturns() throws IOException {
    long count = 0;
    while (true) {
      while (position < limit && buffer[position] == '\r') {
        position++;
        count++;
      }
      if (position < limit || !fill()) {
        return count;
      }
    }
  }

  private int append(int length, int count) throws InputFormatException {
    if (count > maxLineBytes - length) {
      throw InputFormatException.atLine(source, lineNumber + 1, "line longer than " + maxLineBytes + " bytes");
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, length + count)));
    }
    System.arraycopy(buffer, position, line, length, count);
    return length + count;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private String decode(int length) throws InputFormatException {
    try {
      return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw InputFormatException.atLine(source, lineNumber,
          "not valid " + charset.name() + " text (is the file in another encoding, such as ISO-8859-1?)", e);
    }
  }

  /** The number (1-based) of the line last read ({@link #readLine()}, {@link #readLineBytes()}); 0 before the first. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The file name, as errors give it. */
  public String source() {
    return source;
  }

  /** An error about the line last read. */
  public InputFormatException error(String problem) {
    // Before any line, as for an empty file, there is no line to name: its first byte is named instead.
    return lineNumber == 0 ? InputFormatException.atByte(source, 0, problem)
        : InputFormatException.atLine(source, lineNumber, problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
