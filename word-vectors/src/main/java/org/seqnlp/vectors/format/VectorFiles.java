package org.seqnlp.vectors.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.seqnlp.io.GzipInput;
import org.seqnlp.io.InputFiles;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.StrictUtf8;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vectors.WordVectors;

/**
 * Reads and writes word-vector files in any {@link VectorFormat}, detecting the format from the content
 * when asked to. Gzip-compressed input ({@code .gz}, recognised by its magic bytes) is decompressed on
 * the fly by {@link GzipInput}; byte offsets in errors then count decompressed bytes, except in errors
 * about the compressed data themselves, which say they give the compressed file's offset.
 */
public final class VectorFiles {

  private static final int SAMPLE_BYTES = 1 << 16;
  /**
   * The characters of the numbers text vector files hold: decimal ({@code -1.5E-3}), hexadecimal as C's {@code %a}
   * writes them ({@code 0x1.8p1}), and the non-finite ones the readers refuse ({@code NaN}, {@code -Infinity}).
   */
  private static final String NUMBER_CHARACTERS = "0123456789abcdefABCDEF+-.xXpPnNiItTyY";
  private static final int ZIP_MAGIC = 0x504b0304;

  private VectorFiles() {}

  /**
   * Reads {@code file}, detecting its format (see {@link #detect(Path)}).
   *
   * @throws org.seqnlp.io.InputFormatException when the file does not follow the detected format
   */
  public static WordVectors read(Path file) throws IOException {
    return readDetected(file).vectors();
  }

  /** Vectors and the format they were read in. */
  public record Detected(WordVectors vectors, VectorFormat format) {}

  /**
   * As {@link #read(Path)}, also giving the format detected; in one pass, so that a pipe is read too, where
   * {@link #detect(Path)} and then a read would open it twice.
   */
  public static Detected readDetected(Path file) throws IOException {
    try (Sampled in = open(file)) {
      return readDetected(in, file.toString(), knownSize(file, in));
    }
  }

  /**
   * Reads {@code file} in {@code format}.
   *
   * @throws org.seqnlp.io.InputFormatException when the file does not follow the format
   */
  public static WordVectors read(Path file, VectorFormat format) throws IOException {
    try (Sampled in = open(file)) {
      return format.read(in, file.toString(), knownSize(file, in));
    }
  }

  /**
   * Reads vectors from a stream, detecting the format; the stream is not closed.
   *
   * @param source the name errors give for the input
   */
  public static WordVectors read(InputStream in, String source) throws IOException {
    return readDetected(decompressed(in, source), source, -1).vectors();
  }

  /** Reads vectors in {@code format} from a stream, which is not closed. */
  public static WordVectors read(InputStream in, String source, VectorFormat format) throws IOException {
    return format.read(decompressed(in, source), source, -1);
  }

  /**
   * The format of {@code file}, from its first bytes: a SeqNLP tensor file is {@link
   * VectorFormat#SEQNLP_INT8} when its leading text values say so, else {@link VectorFormat#SEQNLP}; a zip
   * is {@link VectorFormat#DL4J_ZIP}; a first line of two integers is a word2vec header, followed by {@link
   * VectorFormat#WORD2VEC_TEXT} when the first row holds the header's number of values as text, else by {@link
   * VectorFormat#WORD2VEC_BINARY} when control characters follow within the first 64 KiB or the first record has a
   * binary record's shape, else (damaged text) by text; anything else is {@link VectorFormat#GLOVE}.
   */
  public static VectorFormat detect(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return detect(in);
    }
  }

  /**
   * Writes {@code vectors} to {@code file} in {@code format}, gzip-compressed when the name ends in
   * {@code .gz}, through {@link OutputFiles#write}: under a temporary name then renamed, so that a
   * reader (or an analyzer watching the file for changes) never sees it half-written, with the default
   * permissions so that a server running as another user can read it (a file written over keeps its own).
   *
   * @throws IllegalArgumentException naming {@code file}, when a word cannot be written in {@code format} (see
   *     {@link VectorFormat#requireWritable}), a value is not finite, which no reader accepts, or the format cannot
   *     hold these vectors at all (GloVe text without a word); nothing is written then
   */
  public static void write(WordVectors vectors, Path file, VectorFormat format) throws IOException {
    try {
      requireWritable(vectors, format);
      boolean gzipped = file.getFileName().toString().endsWith(".gz");
      OutputFiles.write(file, out -> {
        if (gzipped) {
          GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
          format.write(vectors, gzip);
          gzip.finish();
        } else {
          format.write(vectors, out);
        }
      });
    } catch (IllegalArgumentException e) {
      // A command's user sees this line alone, and must learn which of its files could not be written.
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static void requireWritable(WordVectors vectors, VectorFormat format) {
    for (int row = 0; row < vectors.size(); row++) {
      format.requireWritable(vectors.word(row));
      for (int component = 0; component < vectors.dimension(); component++) {
        float value = vectors.get(row, component);
        if (!Float.isFinite(value)) {
          throw new IllegalArgumentException("cannot write the vector of '" + vectors.word(row) + "': value "
              + (component + 1) + " is " + value + ", and no vector format holds a value that is not finite");
        }
      }
    }
  }

  /** @param in decompressed and mark-supporting */
  private static Detected readDetected(InputStream in, String source, long fileBytes) throws IOException {
    VectorFormat format = detect(in);
    return new Detected(format.read(in, source, fileBytes), format);
  }

  /** Detects the format of a decompressed, mark-supporting stream without consuming it. */
  private static VectorFormat detect(InputStream in) throws IOException {
    in.mark(SAMPLE_BYTES);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    // a file of exactly SAMPLE_BYTES counts as cut off: it is then read as a longer one would be
    return detect(sample, sample.length, sample.length < SAMPLE_BYTES);
  }

  /** @param whole whether {@code sample[0, length)} is the whole file, not its start */
  static VectorFormat detect(byte[] sample, int length, boolean whole) {
    if (TensorFile.startsLikeTensorFile(sample, length)) {
      return TensorVectorFormat.precisionOf(sample, length) == TensorVectorFormat.Precision.INT8
          ? VectorFormat.SEQNLP_INT8 : VectorFormat.SEQNLP;
    }
    if (length >= 4 && readInt(sample) == ZIP_MAGIC) {
      return VectorFormat.DL4J_ZIP;
    }
    int start = StrictUtf8.startsWithByteOrderMark(sample, 0, length) ? 3 : 0;
    int headerEnd = lineEnd(sample, start, length);
    // a first line cut off by the sample's end is no header; a file of a header alone is one, newline or not
    VectorHeader header = headerEnd < length || whole ? VectorHeader.parse(sample, start, headerEnd) : null;
    if (header == null) {
      return VectorFormat.GLOVE;
    }
    int rowStart = headerEnd;
    while (rowStart < length && (sample[rowStart] == '\n' || sample[rowStart] == '\r')) {
      rowStart++;
    }
    if (rowStart == length || isTextRow(sample, rowStart, length, header.dimension())) {
      return VectorFormat.WORD2VEC_TEXT;
    }
    for (int i = rowStart; i < length; i++) {
      if (isControlCharacter(sample[i])) {
        return VectorFormat.WORD2VEC_BINARY;
      }
    }
    // Text throughout, but a first row the header does not describe: damaged text, which the text reader names at
    // its line, unless the row is a binary record whose float bytes happen to be printable.
    return isBinaryRecord(sample, rowStart, length, whole, header.dimension())
        ? VectorFormat.WORD2VEC_BINARY : VectorFormat.WORD2VEC_TEXT;
  }

  /** Control bytes never occur in a text vector file's numbers, but nearly always among float32 bytes. */
  private static boolean isControlCharacter(byte b) {
    return (b >= 0 && b < ' ' && b != '\n' && b != '\r' && b != '\t') || b == 0x7f;
  }

  /**
   * Whether the record from {@code from} has a binary record's shape: the word, a space, {@code dimension} floats
   * without a line end among their bytes, not all of them the characters of text numbers, and then a newline or the
   * file's end.
   */
  private static boolean isBinaryRecord(byte[] sample, int from, int length, boolean whole, int dimension) {
    int space = from;
    while (space < length && sample[space] != ' ') {
      space++;
    }
    long end = space + 1 + 4L * dimension;
    if (end > length || end == length && !whole) {
      return false;
    }
    int values = space + 1;
    if (lineEnd(sample, values, (int) end) < end || !hasNonNumberByte(sample, values, (int) end)) {
      return false;
    }
    return end == length || sample[(int) end] == '\n';
  }

  /**
   * Whether a byte in {@code [from, to)} cannot be part of a text row's numbers: without one, the bytes read as text
   * numbers (a row with more values than the header says), and taking them for floats would be a silently wrong
   * result where the text reader names the line.
   */
  private static boolean hasNonNumberByte(byte[] sample, int from, int to) {
    for (int i = from; i < to; i++) {
      if (sample[i] != ' ' && sample[i] != '\t' && NUMBER_CHARACTERS.indexOf(sample[i]) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the row from {@code from} reads as word2vec text: after the word (any bytes but a space or tab, as
   * in both formats) only the characters of numbers and their separators, {@code dimension} numbers up
   * to the line end (fewer when the sample ends first).
   */
  private static boolean isTextRow(byte[] sample, int from, int length, int dimension) {
    int position = from;
    while (position < length && sample[position] != ' ' && sample[position] != '\t') {
      position++;
    }
    int end = lineEnd(sample, position, length);
    long values = 0;
    boolean inValue = false;
    for (int i = position; i < end; i++) {
      byte b = sample[i];
      if (b == ' ' || b == '\t') {
        inValue = false;
      } else if (NUMBER_CHARACTERS.indexOf(b) >= 0) {
        values += inValue ? 0 : 1;
        inValue = true;
      } else {
        return false;
      }
    }
    return end < length ? values == dimension : values <= dimension;
  }

  /** The index of the first line end ({@code \n} or {@code \r}) at or after {@code from}, or {@code length}. */
  private static int lineEnd(byte[] sample, int from, int length) {
    int end = from;
    while (end < length && sample[end] != '\n' && sample[end] != '\r') {
      end++;
    }
    return end;
  }

  private static Sampled open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a vector file");
    }
    InputStream raw;
    try {
      raw = InputFiles.open(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such vector file");
    }
    try {
      return decompressed(raw, file.toString());
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The file size, when {@code in} reads a regular file as it is on disk (not decompressed), else -1. */
  private static long knownSize(Path file, Sampled in) throws IOException {
    return in.decompressed ? -1 : InputFiles.sizeOf(file);
  }

  /** Wraps {@code in} in a mark-supporting stream, decompressing it when it starts like gzip. */
  private static Sampled decompressed(InputStream in, String source) throws IOException {
    return new Sampled(GzipInput.decompressIfGzip(source, in));
  }

  private static int readInt(byte[] bytes) {
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  /** A stream whose start can be sampled for format detection, knowing whether it was decompressed. */
  private static final class Sampled extends BufferedInputStream {

    final boolean decompressed;

    Sampled(InputStream in) {
      super(in, SAMPLE_BYTES);
      this.decompressed = in instanceof GzipInput;
    }
  }
}
