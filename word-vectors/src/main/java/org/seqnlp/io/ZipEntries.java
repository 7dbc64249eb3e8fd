package org.seqnlp.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the entries of a zip with a limit per entry and in all, so that a zip bomb (a small file
 * inflating to gigabytes) fails with an {@link InputFormatException} naming the entry instead of
 * exhausting memory. While a reader reads an entry, it may not inflate to more than {@value #MAX_INFLATION}
 * times the compressed bytes read so far (after a first MiB): from a stream, whose size is unknown, the limits
 * alone would let a few megabytes fill gigabytes of the reader's memory. Entries are read through {@link
 * ZipInputStream}, the parser OpenNLP's model loader uses, so a checked zip is seen exactly as OpenNLP will
 * see it.
 */
public final class ZipEntries {

  /** What a caller does with one wanted entry. */
  @FunctionalInterface
  public interface EntryReader {
    /**
     * @param in the entry's bytes, limited to its allowance; what the reader leaves unread is skipped
     * @param source names the entry in errors, as {@code zip!entry}
     */
    void read(String name, LimitedInputStream in, String source) throws IOException;
  }

  /**
   * How many times its own size a zip may inflate to: float weights hardly compress and text vectors about
   * 3:1, while a zip bomb inflates a thousandfold or more.
   */
  public static final int MAX_INFLATION = 100;
  /** The least inflation limit, so that a small zip of well-compressed text is never refused. */
  private static final long MIN_INFLATION_LIMIT = 1 << 20;

  private ZipEntries() {
  }

  /**
   * The most uncompressed bytes to allow a zip of {@code zipBytes} bytes ({@value #MAX_INFLATION} times, at least 1
   * MiB), never more than {@code ceiling}, which is also the limit when the size is unknown (negative; a pipe).
   */
  public static long inflationLimit(long zipBytes, long ceiling) {
    if (zipBytes < 0) {
      return ceiling;
    }
    return Math.min(ceiling, Math.max(MIN_INFLATION_LIMIT, MAX_INFLATION * zipBytes));
  }

  /** As {@link #read(InputStream, String, Map, long, EntryReader)} on a file. */
  public static void read(Path zip, Map<String, Long> limits, long totalLimit, EntryReader reader)
      throws IOException {
    try (InputStream in = InputFiles.open(zip)) {
      read(in, zip.toString(), limits, totalLimit, reader);
    }
  }

  /**
   * Reads the entries of {@code zip} named in {@code limits} (each at most that many uncompressed
   * bytes) with {@code reader}, in zip order. Other entries are skipped unread (inflated, not kept),
   * but count against {@code totalLimit}, the most uncompressed bytes the zip may hold in all.
   *
   * @throws InputFormatException naming {@code source!entry} and the byte offset when an entry passes
   *     its limit or the total, a wanted entry appears twice, or the zip is damaged or truncated
   */
  public static void read(InputStream zip, String source, Map<String, Long> limits, long totalLimit,
      EntryReader reader) throws IOException {
    read(zip, source, limits::get, totalLimit, reader);
  }

  /**
   * Reads every entry of {@code zip}, each at most {@code entryLimit} uncompressed bytes, with {@code reader},
   * in zip order: for a copy of a zip whose entries are not all known in advance.
   *
   * @throws InputFormatException as {@link #read(InputStream, String, Map, long, EntryReader)}
   */
  public static void readAll(InputStream zip, String source, long entryLimit, long totalLimit, EntryReader reader)
      throws IOException {
    read(zip, source, name -> entryLimit, totalLimit, reader);
  }

  /**
   * As {@link #read(InputStream, String, Map, long, EntryReader)}, with each entry's limit given by its name:
   * null for an entry to skip unread. An entry given a limit and left unread by {@code reader} is still refused
   * when it appears twice.
   */
  public static void read(InputStream zip, String source, Function<String, Long> limitOf, long totalLimit,
      EntryReader reader) throws IOException {
    LimitedInputStream raw = new LimitedInputStream(zip, source, Long.MAX_VALUE);
    ZipInputStream entries = new ZipInputStream(raw);
    Set<String> seen = new HashSet<>();
    long total = 0;
    while (true) {
      ZipEntry entry;
      try {
        entry = entries.getNextEntry();
      } catch (ZipException | EOFException e) {
        throw InputFormatException.atByte(source, raw.position(), "damaged or truncated zip: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        // ZipInputStream's way of refusing an entry name that is not UTF-8.
        throw InputFormatException.atByte(source, raw.position(), "damaged zip: an entry name is not UTF-8", e);
      }
      if (entry == null) {
        return;
      }
      String name = entry.getName();
      String entrySource = source + "!" + name;
      Long limit = limitOf.apply(name);
      long left = totalLimit - total;
      InflationCheck inflating = new InflationCheck(entries, raw, entrySource);
      LimitedInputStream in = limit != null && limit <= left
          ? new LimitedInputStream(inflating, entrySource, limit, "the entry is larger than its limit of " + limit
              + " bytes")
          : new LimitedInputStream(inflating, entrySource, left, "the zip's entries hold more than " + totalLimit
              + " bytes in all");
      try {
        if (limit != null) {
          if (!seen.add(name)) {
            throw InputFormatException.atByte(entrySource, 0, "the entry appears twice in the zip");
          }
          reader.read(name, in, entrySource);
        }
        // What the reader left is inflated into nothing, so only the limits bound it (a DL4J zip's syn1 of zeros).
        inflating.stopChecking();
        in.transferTo(OutputStream.nullOutputStream());
      } catch (ZipException | EOFException e) {
        throw InputFormatException.atByte(entrySource, in.position(), "damaged or truncated zip entry: "
            + e.getMessage(), e);
      }
      total += in.position();
    }
  }

  /** An entry's inflated bytes, failing once they pass {@value #MAX_INFLATION} times the compressed bytes read. */
  private static final class InflationCheck extends FilterInputStream {

    private final LimitedInputStream compressed;
    private final long compressedStart;
    private final String source;
    private long inflated;
    private boolean checking = true;

    InflationCheck(InputStream entry, LimitedInputStream compressed, String source) {
      super(entry);
      this.compressed = compressed;
      this.compressedStart = compressed.position();
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      count(Math.max(read, 0));
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    void stopChecking() {
      checking = false;
    }

    private void count(long bytes) throws InputFormatException {
      inflated += bytes;
      long compressedBytes = compressed.position() - compressedStart;
      if (checking && inflated > inflationLimit(compressedBytes, Long.MAX_VALUE)) {
        throw InputFormatException.atByte(source, inflated, "the entry inflates to more than " + MAX_INFLATION
            + " times its compressed size, as a zip bomb does");
      }
    }
  }
}
