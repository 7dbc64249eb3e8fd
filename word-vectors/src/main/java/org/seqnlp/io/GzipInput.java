package org.seqnlp.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip data (RFC 1952) read from an untrusted file, member after member, and fails with an
 * {@link InputFormatException} at the compressed file's byte offset when the data are damaged.
 *
 * <p>{@link java.util.zip.GZIPInputStream} is not used because it ends quietly at bytes after a member
 * that do not start another one: a file whose second member is damaged, or that has anything else
 * appended, loses data without a word. Here every byte after the first member must belong to another
 * well-formed member, and each member's checksum and length are checked; so even zero bytes padding a
 * file, which {@code gzip -d} skips, are refused. Its errors also name the file and the offset, where the
 * JDK's give a bare "Unexpected end of ZLIB input stream". Like a zip entry ({@link ZipEntries}), the data may
 * not decompress to more than {@value ZipEntries#MAX_INFLATION} times the compressed bytes read so far (after a
 * first MiB): a few megabytes would otherwise fill gigabytes of a reader's memory, where vector files, corpora and
 * lists compress a few times at most.
 */
public final class GzipInput extends InputStream {

  private static final int MAGIC_FIRST = 0x1f;
  private static final int MAGIC_SECOND = 0x8b;
  private static final int DEFLATE = 8;
  private static final int HEADER_CRC = 2;
  private static final int EXTRA = 4;
  private static final int NAME = 8;
  private static final int COMMENT = 16;
  private static final int RESERVED_FLAGS = 0xe0;
  /** Modification time (4 bytes), extra flags and operating system. */
  private static final int FIXED_HEADER_REST = 6;

  private final String source;
  private final InputStream compressed;
  private final byte[] input = new byte[1 << 16];
  private final Inflater inflater;
  private final CRC32 dataCrc = new CRC32();
  private final CRC32 headerCrc = new CRC32();
  /** The compressed file's offset of {@code input[0]}. */
  private long inputStart;
  private int inputPosition;
  private int inputLimit;
  private long memberLength;
  /** Bytes decompressed from all members so far. */
  private long decompressed;
  private boolean ended;
  private boolean closed;
  private final byte[] single = new byte[1];

  /**
   * Reads the first member's header at once, so that a file that is not gzip fails here.
   *
   * @param source names the file in errors
   * @param compressed the gzip data from their first byte; closing this stream closes it, and a failing
   *     constructor leaves it open for its caller to close
   */
  public GzipInput(String source, InputStream compressed) throws IOException {
    this.source = Objects.requireNonNull(source);
    this.compressed = Objects.requireNonNull(compressed);
    this.inflater = new Inflater(true);
    try {
      startMember();
    } catch (IOException | RuntimeException e) {
      inflater.end();
      throw e;
    }
  }

  /**
   * {@code in} decompressed when its first two bytes are gzip's magic number, else {@code in} as it is;
   * either way, closing the result closes {@code in}. When this throws, {@code in} is left open.
   *
   * @param source names the file in errors
   */
  public static InputStream decompressIfGzip(String source, InputStream in) throws IOException {
    PushbackInputStream peekable = new PushbackInputStream(in, 2);
    byte[] head = peekable.readNBytes(2);
    peekable.unread(head);
    return startsGzip(head, head.length) ? new GzipInput(source, peekable) : peekable;
  }

  private static boolean startsGzip(byte[] bytes, int length) {
    return length >= 2 && (bytes[0] & 0xff) == MAGIC_FIRST && (bytes[1] & 0xff) == MAGIC_SECOND;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (closed) {
      throw new IOException(source + ": stream closed");
    }
    if (length == 0) {
      return 0;
    }
    while (!ended) {
      int inflated;
      try {
        inflated = inflater.inflate(buffer, offset, length);
      } catch (DataFormatException e) {
        throw error(inflatedTo(), "corrupt gzip data: " + e.getMessage());
      }
      if (inflated > 0) {
        dataCrc.update(buffer, offset, inflated);
        memberLength += inflated;
        decompressed += inflated;
        if (decompressed > ZipEntries.inflationLimit(inflatedTo(), Long.MAX_VALUE)) {
          throw error(inflatedTo(), "gzip data that decompress to more than " + ZipEntries.MAX_INFLATION
              + " times their size (a decompression bomb?)");
        }
        return inflated;
      }
      if (inflater.finished()) {
        endMember();
      } else {
        // Raw deflate data never ask for a dictionary, so an inflater that made no progress needs input.
        inputPosition = inputLimit;
        if (!fill()) {
          throw error(position(), "truncated gzip data: the file ends inside the compressed data");
        }
        inflater.setInput(input, inputPosition, inputLimit - inputPosition);
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    inflater.end();
    compressed.close();
  }

  /** Reads a member's header, from its first byte, which is known to be there. */
  private void startMember() throws IOException {
    long start = position();
    int first = readByte("a gzip header");
    if (first != MAGIC_FIRST || readByte("a gzip header") != MAGIC_SECOND) {
      throw error(start, start == 0 ? "not gzip data: the file does not start with gzip's magic number"
          : "bytes after the end of the gzip data that do not start another gzip member");
    }
    headerCrc.reset();
    headerCrc.update(MAGIC_FIRST);
    headerCrc.update(MAGIC_SECOND);
    int method = headerByte();
    if (method != DEFLATE) {
      throw error(start + 2, "corrupt gzip header: compression method " + method + ", where gzip has only 8 (deflate)");
    }
    int flags = headerByte();
    if ((flags & RESERVED_FLAGS) != 0) {
      throw error(start + 3, "corrupt gzip header: reserved flag bits are set");
    }
    for (int i = 0; i < FIXED_HEADER_REST; i++) {
      headerByte();
    }
    if ((flags & EXTRA) != 0) {
      int extraLength = headerByte() | headerByte() << 8;
      for (int i = 0; i < extraLength; i++) {
        headerByte();
      }
    }
    if ((flags & NAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & COMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & HEADER_CRC) != 0) {
      long checksumAt = position();
      int expected = (int) (headerCrc.getValue() & 0xffff);
      if ((readByte("a gzip header") | readByte("a gzip header") << 8) != expected) {
        throw error(checksumAt, "corrupt gzip header: its checksum does not match");
      }
    }
    inflater.reset();
    dataCrc.reset();
    memberLength = 0;
    inflater.setInput(input, inputPosition, inputLimit - inputPosition);
  }

  private void skipZeroTerminated() throws IOException {
    while (headerByte() != 0) {
      // skips the file name or comment, which no reader here uses
    }
  }

  private int headerByte() throws IOException {
    int b = readByte("a gzip header");
    headerCrc.update(b);
    return b;
  }

  /** Checks a member's trailer, then starts the next member, if any. */
  private void endMember() throws IOException {
    inputPosition = inputLimit - inflater.getRemaining();
    long trailerAt = position();
    long crc = readTrailerInt();
    long length = readTrailerInt();
    if (crc != dataCrc.getValue()) {
      throw error(trailerAt, "corrupt gzip data: the checksum in the member's trailer does not match its data");
    }
    if (length != (memberLength & 0xffffffffL)) {
      throw error(trailerAt + 4, "corrupt gzip data: the length in the member's trailer does not match its data");
    }
    if (inputPosition == inputLimit && !fill()) {
      ended = true;
      return;
    }
    startMember();
  }

  private long readTrailerInt() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      value |= (long) readByte("a gzip trailer") << shift;
    }
    return value;
  }

  /** The next compressed byte outside the deflate data, which must be there. */
  private int readByte(String inside) throws IOException {
    if (inputPosition == inputLimit && !fill()) {
      throw error(position(), "truncated gzip data: the file ends inside " + inside);
    }
    return input[inputPosition++] & 0xff;
  }

  /** Refills {@code input} once everything in it has been used; false at the end of the file. */
  private boolean fill() throws IOException {
    inputStart += inputLimit;
    inputPosition = 0;
    inputLimit = 0;
    int read = compressed.read(input);
    if (read <= 0) {
      return false;
    }
    inputLimit = read;
    return true;
  }

  private long position() {
    return inputStart + inputPosition;
  }

  /** The offset just past the deflate data the inflater has consumed. */
  private long inflatedTo() {
    return inputStart + inputLimit - inflater.getRemaining();
  }

  private InputFormatException error(long offset, String problem) {
    return InputFormatException.atByte(source, offset, problem + " (offset in the compressed file)");
  }
}
