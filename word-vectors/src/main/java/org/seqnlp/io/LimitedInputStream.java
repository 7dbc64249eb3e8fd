package org.seqnlp.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that counts the bytes it passes on and fails with an {@link InputFormatException}
 * as soon as its source holds more than a limit: what a loader wraps around a file or zip entry whose
 * declared size it cannot trust (a zip bomb inflates far past the size its header claims). The
 * position it reports is the byte offset used in error messages.
 */
public final class LimitedInputStream extends FilterInputStream {

  private final String source;
  private final long limit;
  private final String overLimit;
  private long position;

  /**
   * @param source names the input in error messages
   * @param limit the most bytes the input may hold
   */
  public LimitedInputStream(InputStream in, String source, long limit) {
    this(in, source, limit, "larger than the limit of " + limit + " bytes");
  }

  /**
   * @param overLimit the problem reported when the input holds more than {@code limit} bytes
   */
  public LimitedInputStream(InputStream in, String source, long limit, String overLimit) {
    super(in);
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit " + limit);
    }
    this.source = source;
    this.limit = limit;
    this.overLimit = overLimit;
  }

  /** The number of bytes read so far: the offset of the next byte. */
  public long position() {
    return position;
  }

  /** The most bytes that can still come. */
  public long remaining() {
    return limit - position;
  }

  public String source() {
    return source;
  }

  @Override
  public int read() throws IOException {
    if (position == limit) {
      return requireEnd();
    }
    int b = super.read();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      return requireEnd();
    }
    int n = super.read(buffer, offset, (int) Math.min(length, limit - position));
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** At the limit: the end of the input is fine, one more byte is not. */
  private int requireEnd() throws IOException {
    if (super.read() >= 0) {
      throw InputFormatException.atByte(source, limit, overLimit);
    }
    return -1;
  }
}
