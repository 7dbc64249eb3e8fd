package org.seqnlp.vectors.format;

import org.seqnlp.io.ArrayLimits;

/**
 * The first line of the word2vec formats, {@code "<words> <dimension>"}, shared by the text and binary
 * variants and by Lucene's DL4J zip.
 */
record VectorHeader(int words, int dimension) {

  /** The most dimensions a file may declare: 100 times the largest in common use. */
  static final int MAX_DIMENSION = 100_000;
  /**
   * Values allocated up front when the input's size is unknown (a gzip or zip stream), so that a tiny
   * compressed header declaring billions of values cannot exhaust memory: beyond this, the matrix grows
   * as rows actually arrive.
   */
  private static final int UNBOUNDED_INPUT_PREALLOCATION = 1 << 22;

  /**
   * Parses {@code bytes[from, to)} (the line without its newline; trailing spaces and a carriage return
   * allowed), or returns null when they are not two non-negative integers with a positive dimension.
   */
  static VectorHeader parse(byte[] bytes, int from, int to) {
    to = trimmedEnd(bytes, from, to);
    int separator = from;
    while (separator < to && bytes[separator] != ' ') {
      separator++;
    }
    long words = parseCount(bytes, from, separator);
    long dimension = parseCount(bytes, separator + 1, to);
    if (words < 0 || dimension <= 0) {
      return null;
    }
    return new VectorHeader((int) words, (int) dimension);
  }

  /**
   * As {@link #parse}, also taking the header DL4J's {@code WordVectorSerializer} writes in its zips, {@code "<words>
   * <dimension> <documents>"}: the third count, of the training documents, says nothing of the vectors, and
   * Lucene's reader skips it too.
   */
  static VectorHeader parseDl4j(byte[] bytes, int from, int to) {
    to = trimmedEnd(bytes, from, to);
    int spaces = 0;
    int last = -1;
    for (int i = from; i < to; i++) {
      if (bytes[i] == ' ') {
        spaces++;
        last = i;
      }
    }
    return spaces == 2 && parseCount(bytes, last + 1, to) >= 0 ? parse(bytes, from, last) : parse(bytes, from, to);
  }

  /** Why the header cannot describe a file of {@code fileBytes} bytes, or null when it can. */
  String contradiction(long fileBytes, long minimumBytesPerWord) {
    if (dimension > MAX_DIMENSION) {
      return "header declares " + dimension + " dimensions, more than the " + MAX_DIMENSION + " this reader accepts";
    }
    if (!ArrayLimits.fitsRows(words, dimension)) {
      return "header declares " + words + " words x " + dimension
          + " dimensions, more values than one Java array holds";
    }
    if (fileBytes >= 0 && words * minimumBytesPerWord > fileBytes) {
      return "header declares " + words + " words x " + dimension + " dimensions, more than a file of "
          + fileBytes + " bytes can hold";
    }
    return null;
  }

  /**
   * The words to allocate room for before reading: all of them when the file size was checked against
   * the header, else no more than the values a small allocation holds.
   */
  int wordsToPreallocate(long fileBytes) {
    return fileBytes >= 0 ? words : Math.min(words, Math.max(1, UNBOUNDED_INPUT_PREALLOCATION / dimension));
  }

  @Override
  public String toString() {
    return words + " " + dimension;
  }

  /** The end of {@code bytes[from, to)} without its trailing spaces, tabs and carriage return. */
  private static int trimmedEnd(byte[] bytes, int from, int to) {
    while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\r' || bytes[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  private static long parseCount(byte[] bytes, int from, int to) {
    if (from >= to || to - from > 10) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return -1;
      }
      value = value * 10 + (bytes[i] - '0');
    }
    return value > Integer.MAX_VALUE ? -1 : value;
  }
}
