package org.seqnlp.io.tensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.io.InputFiles;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LimitedInputStream;
import org.seqnlp.io.StrictUtf8;

/**
 * The one binary file format of every model file SeqNLP writes: a {@link TensorBundle} of named float
 * tensors, byte tensors, string lists and text values, big-endian, without Java serialization.
 *
 * <pre>
 * magic "SEQNLPTF", int version (2 or {@value #VERSION}), int entry count
 * per entry: byte kind, string name, then
 *   kind 1 (tensor):      int rank (0..8), rank ints shape, product-of-shape finite floats
 *   kind 2 (string list): int count, count strings
 *   kind 3 (text):        one string
 *   kind 4 (byte tensor): int rank (0..8), rank ints shape, product-of-shape signed bytes
 * int CRC-32 of every byte before it
 * string = int byte length, then that many bytes of UTF-8 (no 65,535-byte limit as in writeUTF)
 * </pre>
 *
 * <p>Entries are written texts first, then string lists, float tensors and byte tensors, each kind in
 * the order it was added, so that the first bytes of a file hold its text values (see {@link
 * #leadingTexts}). Version 3 added kind 4 and nothing else: a bundle without byte tensors is written as
 * version 2, so builds from before version 3 keep reading every float-only file.
 *
 * <p>Reading checks every declared count and size against the hard limits below and against the
 * bytes that can remain before the checksum, given the size bound the caller knows (a file's size, a
 * zip entry's size, else {@link #MAX_FILE_BYTES}), before allocating anything for it. Float arrays
 * are moreover grown as their bytes arrive, so an input whose bound was overstated (a zip entry's
 * declared size is untrusted) still fails at its real end, not with an OutOfMemoryError. Every
 * problem is an {@link InputFormatException} naming the source and the byte offset.
 */
public final class TensorFile {

  /**
   * The newest format version, which this build writes for bundles with byte tensors; it reads it and
   * version {@value #FLOAT_ONLY_VERSION} (the first two formats had no common header).
   */
  public static final int VERSION = 3;
  /** The version of files without byte tensors. */
  public static final int FLOAT_ONLY_VERSION = 2;
  /** The size bound assumed when the caller knows none. */
  public static final long MAX_FILE_BYTES = 1L << 32;
  /** The most entries a file may hold. */
  public static final int MAX_ENTRIES = 1 << 16;
  /** The longest entry name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 1 << 10;
  /** The longest string (a vocabulary token, a text value), in UTF-8 bytes. */
  public static final int MAX_STRING_BYTES = 1 << 20;
  /** The most strings a list may hold. */
  public static final int MAX_STRINGS = 1 << 24;
  /** The highest tensor rank. */
  public static final int MAX_RANK = 8;

  private static final byte[] MAGIC = "SEQNLPTF".getBytes(StandardCharsets.US_ASCII);
  private static final byte TENSOR = 1;
  private static final byte STRINGS = 2;
  private static final byte TEXT = 3;
  private static final byte BYTES = 4;
  private static final int CHECKSUM_BYTES = Integer.BYTES;
  private static final int CHUNK_FLOATS = 1 << 14;
  /** Float arrays start at most this large and double as their bytes arrive. */
  private static final int FIRST_ALLOCATION = 1 << 20;

  private TensorFile() {
  }

  /** Writes a file holding {@code tensors} alone to {@code out}, which stays open (it may be a zip entry). */
  public static void write(Iterable<Tensor> tensors, OutputStream out) throws IOException {
    TensorBundle bundle = new TensorBundle();
    for (Tensor tensor : tensors) {
      bundle.add(tensor);
    }
    write(bundle, out);
  }

  /**
   * Writes {@code bundle} to {@code out}, which stays open.
   *
   * @throws IllegalArgumentException when an entry passes a limit of the format, which would make the
   *     file unreadable; nothing is written then
   */
  public static void write(TensorBundle bundle, OutputStream out) throws IOException {
    requireWritable(bundle);
    CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
    data.write(MAGIC);
    data.writeInt(bundle.byteTensors().isEmpty() ? FLOAT_ONLY_VERSION : VERSION);
    data.writeInt(entries(bundle));
    for (Map.Entry<String, String> text : bundle.texts().entrySet()) {
      data.writeByte(TEXT);
      writeString(data, text.getKey());
      writeString(data, text.getValue());
    }
    for (Map.Entry<String, List<String>> list : bundle.stringLists().entrySet()) {
      data.writeByte(STRINGS);
      writeString(data, list.getKey());
      data.writeInt(list.getValue().size());
      for (String s : list.getValue()) {
        writeString(data, s);
      }
    }
    byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
    for (Tensor tensor : bundle.tensors().values()) {
      data.writeByte(TENSOR);
      writeString(data, tensor.name());
      writeShape(data, tensor.shape());
      float[] values = tensor.values();
      for (int done = 0; done < values.length; ) {
        int n = Math.min(CHUNK_FLOATS, values.length - done);
        ByteBuffer.wrap(chunk).asFloatBuffer().put(values, done, n);
        data.write(chunk, 0, n * Float.BYTES);
        done += n;
      }
    }
    for (ByteTensor tensor : bundle.byteTensors().values()) {
      data.writeByte(BYTES);
      writeString(data, tensor.name());
      writeShape(data, tensor.shape());
      data.write(tensor.values());
    }
    data.flush();
    data.writeInt((int) checked.getChecksum().getValue());
    data.flush();
  }

  private static void writeShape(DataOutputStream data, int[] shape) throws IOException {
    data.writeInt(shape.length);
    for (int dimension : shape) {
      data.writeInt(dimension);
    }
  }

  private static int entries(TensorBundle bundle) {
    return bundle.texts().size() + bundle.stringLists().size() + bundle.tensors().size()
        + bundle.byteTensors().size();
  }

  private static void requireWritable(TensorBundle bundle) {
    int entries = entries(bundle);
    if (entries > MAX_ENTRIES) {
      throw new IllegalArgumentException(entries + " entries, more than the format's " + MAX_ENTRIES);
    }
    for (String name : bundle.texts().keySet()) {
      requireLength("entry name", name, MAX_NAME_BYTES);
      requireLength("text '" + name + "'", bundle.texts().get(name), MAX_STRING_BYTES);
    }
    for (Map.Entry<String, List<String>> list : bundle.stringLists().entrySet()) {
      requireLength("entry name", list.getKey(), MAX_NAME_BYTES);
      if (list.getValue().size() > MAX_STRINGS) {
        throw new IllegalArgumentException("string list '" + list.getKey() + "' holds " + list.getValue().size()
            + " strings, more than the format's " + MAX_STRINGS);
      }
      for (String s : list.getValue()) {
        requireLength("a string of '" + list.getKey() + "'", s, MAX_STRING_BYTES);
      }
    }
    for (Tensor tensor : bundle.tensors().values()) {
      requireShape(tensor.name(), tensor.shape());
      float[] values = tensor.values();
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new IllegalArgumentException("tensor '" + tensor.name() + "': value " + (i + 1) + " is " + values[i]
              + ", which the format does not hold");
        }
      }
    }
    for (ByteTensor tensor : bundle.byteTensors().values()) {
      requireShape(tensor.name(), tensor.shape());
    }
  }

  private static void requireShape(String name, int[] shape) {
    requireLength("entry name", name, MAX_NAME_BYTES);
    if (shape.length > MAX_RANK) {
      throw new IllegalArgumentException("tensor '" + name + "' has rank " + shape.length
          + ", more than the format's " + MAX_RANK);
    }
  }

  private static void requireLength(String what, String s, int maxBytes) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // String.getBytes would write '?' for it, and the file would then hold another string than given.
        throw new IllegalArgumentException(what + " holds half a UTF-16 surrogate pair at " + i
            + ", which UTF-8 cannot encode");
      }
    }
    // A UTF-16 unit never needs more than 3 UTF-8 bytes, so only long strings need encoding.
    if ((long) s.length() * 3 > maxBytes && s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new IllegalArgumentException(what + " is longer than the format's " + maxBytes + " bytes: '"
          + s.substring(0, 40) + "...'");
    }
  }

  private static void writeString(DataOutputStream data, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    data.writeInt(bytes.length);
    data.write(bytes);
  }

  /** Whether {@code sample[0, length)}, the first bytes of a file, begin like a tensor file. */
  public static boolean startsLikeTensorFile(byte[] sample, int length) {
    return length >= MAGIC.length && Arrays.equals(sample, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * The text values that begin a file of this version, as far as {@code sample[0, length)}, its first
   * bytes, holds them: what a reader needs to tell files apart without reading them whole. Empty when
   * the sample is not the start of such a file; nothing is checked beyond the sample (the checksum
   * neither), so only {@link #read} can trust a file.
   */
  public static Map<String, String> leadingTexts(byte[] sample, int length) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (!startsLikeTensorFile(sample, length)) {
      return texts;
    }
    ByteBuffer bytes = ByteBuffer.wrap(sample, 0, length).position(MAGIC.length);
    if (bytes.remaining() < 8) {
      return texts;
    }
    int version = bytes.getInt();
    if (version != FLOAT_ONLY_VERSION && version != VERSION) {
      return texts;
    }
    for (int entries = bytes.getInt(); entries > 0 && bytes.remaining() > 0 && bytes.get() == TEXT; entries--) {
      String name = sampledString(bytes, MAX_NAME_BYTES);
      String value = name == null ? null : sampledString(bytes, MAX_STRING_BYTES);
      if (value == null) {
        break;
      }
      texts.put(name, value);
    }
    return texts;
  }

  /** The next string of {@code bytes}, or null when the sample ends first or the string is not valid. */
  private static String sampledString(ByteBuffer bytes, int maxBytes) {
    if (bytes.remaining() < Integer.BYTES) {
      return null;
    }
    int length = bytes.getInt();
    if (length < 0 || length > maxBytes || length > bytes.remaining()) {
      return null;
    }
    ByteBuffer string = bytes.slice(bytes.position(), length);
    bytes.position(bytes.position() + length);
    try {
      return StrictUtf8.decode(string);
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Reads the tensors of a file of at most {@link #MAX_FILE_BYTES} bytes, by name in file order, in a
   * map the caller may change; string lists and text values are ignored.
   *
   * @param source the file name used in error messages
   */
  public static Map<String, Tensor> read(InputStream in, String source) throws IOException {
    return new LinkedHashMap<>(read(in, source, MAX_FILE_BYTES).tensors());
  }

  /** Reads the file {@code file}, bounded by its size. */
  public static TensorBundle read(Path file) throws IOException {
    try (InputStream in = InputFiles.open(file)) {
      long size = InputFiles.sizeOf(file);
      // A pipe, whose size is unknown, is bounded by the format's limit instead.
      return read(in, file.toString(), size < 0 ? MAX_FILE_BYTES : size);
    }
  }

  /**
   * Reads a bundle from {@code in}, which must end where the file ends; it is not closed.
   *
   * @param source names the input in error messages
   * @param sizeBound the most bytes the input can hold (a file's or a zip entry's size); larger inputs
   *     fail
   */
  public static TensorBundle read(InputStream in, String source, long sizeBound) throws IOException {
    Reader reader = new Reader(in, source, Math.min(sizeBound, MAX_FILE_BYTES));
    try {
      return reader.read();
    } catch (EOFException e) {
      throw InputFormatException.atByte(source, reader.counter.position(), "file ends inside " + reader.inside, e);
    }
  }

  private static final class Reader {
    final String source;
    final LimitedInputStream counter;
    final CheckedInputStream checked;
    final DataInputStream data;
    String inside = "the header";

    Reader(InputStream in, String source, long sizeBound) {
      this.source = source;
      // The counter and the checksum sit above the buffer so that they cover exactly the parsed bytes.
      this.counter = new LimitedInputStream(new BufferedInputStream(in, 1 << 16), source, sizeBound,
          "more bytes than the " + sizeBound + " the file was said to hold");
      this.checked = new CheckedInputStream(counter, new CRC32());
      this.data = new DataInputStream(checked);
    }

    TensorBundle read() throws IOException {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw fail(0, "not a SeqNLP tensor file (bad magic number)");
      }
      int version = data.readInt();
      if (version != FLOAT_ONLY_VERSION && version != VERSION) {
        throw fail(MAGIC.length, "unsupported tensor file version " + version + " (this build reads versions "
            + FLOAT_ONLY_VERSION + " and " + VERSION + ")");
      }
      // An entry takes at least a kind byte, a name length and a count or rank.
      int count = readCount("number of entries", MAX_ENTRIES, 1 + 4 + 4);
      TensorBundle bundle = new TensorBundle();
      for (int i = 0; i < count; i++) {
        long start = counter.position();
        inside = "entry " + (i + 1) + " of " + count;
        byte kind = data.readByte();
        String name = readString("entry name", MAX_NAME_BYTES);
        if (name.isEmpty()) {
          throw fail(start, "entry " + (i + 1) + " of " + count + " has no name");
        }
        inside = "entry '" + name + "'";
        if (bundle.contains(name)) {
          throw fail(start, "entry '" + name + "' appears twice");
        }
        switch (kind) {
          case TENSOR -> bundle.add(readTensor(name));
          case STRINGS -> bundle.addStrings(name, readStrings(name));
          case TEXT -> bundle.addText(name, readString("text '" + name + "'", MAX_STRING_BYTES));
          case BYTES -> {
            if (version == FLOAT_ONLY_VERSION) {
              throw fail(start, "entry '" + name + "' is a byte tensor, which version " + FLOAT_ONLY_VERSION
                  + " files cannot hold");
            }
            bundle.add(readByteTensor(name));
          }
          default -> throw fail(start, "entry '" + name + "' has unknown kind " + kind);
        }
        bundle.located(name, start);
      }
      long end = counter.position();
      inside = "the checksum";
      int expected = (int) checked.getChecksum().getValue();
      if (data.readInt() != expected) {
        throw fail(end, "checksum mismatch: the file is corrupted");
      }
      if (counter.read() >= 0) {
        throw fail(end + CHECKSUM_BYTES, "data after the checksum");
      }
      bundle.readFrom(source, end);
      return bundle;
    }

    private Tensor readTensor(String name) throws IOException {
      int[] shape = readShape(name, Float.BYTES, "floats");
      return new Tensor(name, shape, readFloats(name, size(shape)));
    }

    private ByteTensor readByteTensor(String name) throws IOException {
      int[] shape = readShape(name, 1, "bytes");
      return new ByteTensor(name, shape, readBytes(size(shape)));
    }

    /** A rank and shape whose values, of {@code valueBytes} each, fit in the bytes that can remain. */
    private int[] readShape(String name, int valueBytes, String values) throws IOException {
      long at = counter.position();
      int rank = data.readInt();
      if (rank < 0 || rank > MAX_RANK) {
        throw fail(at, "tensor '" + name + "': rank " + rank + " is outside 0.." + MAX_RANK);
      }
      int[] shape = new int[rank];
      long size = 1;
      for (int axis = 0; axis < rank; axis++) {
        shape[axis] = data.readInt();
        if (shape[axis] < 0) {
          throw fail(at, "tensor '" + name + "': negative dimension " + shape[axis]);
        }
        size = Math.min(size * shape[axis], Long.MAX_VALUE / MAX_FILE_BYTES);
      }
      long left = remaining();
      if (size * valueBytes > left) {
        throw fail(at, "tensor '" + name + "' declares shape " + Arrays.toString(shape) + " (" + size
            + " " + values + ") but at most " + left + " bytes can remain");
      }
      if (size > ArrayLimits.MAX_LENGTH) {
        throw fail(at, "tensor '" + name + "' declares shape " + Arrays.toString(shape) + ", more " + values
            + " than one Java array holds");
      }
      return shape;
    }

    /** The number of values of a shape checked by {@link #readShape}, which is below the file's bound. */
    private static int size(int[] shape) {
      long size = 1;
      for (int dimension : shape) {
        size *= dimension;
      }
      return (int) size;
    }

    /**
     * The {@code size} floats of tensor {@code name}, each finite: no model SeqNLP writes holds NaN or an
     * infinity, and one would make every score it touches NaN, so tagging or scoring would go on without a word.
     */
    private float[] readFloats(String name, int size) throws IOException {
      float[] values = new float[Math.min(size, FIRST_ALLOCATION)];
      byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
      for (int done = 0; done < size; ) {
        int n = Math.min(CHUNK_FLOATS, size - done);
        long at = counter.position();
        data.readFully(chunk, 0, n * Float.BYTES);
        if (done + n > values.length) {
          values = Arrays.copyOf(values, (int) Math.min(size, 2L * values.length));
        }
        ByteBuffer.wrap(chunk, 0, n * Float.BYTES).asFloatBuffer().get(values, done, n);
        for (int i = done; i < done + n; i++) {
          if (!Float.isFinite(values[i])) {
            throw fail(at + (long) (i - done) * Float.BYTES, "tensor '" + name + "': value " + (i + 1) + " is "
                + values[i]);
          }
        }
        done += n;
      }
      return values;
    }

    /** Like {@link #readFloats}: grown as the bytes arrive, so an overstated bound fails at the real end. */
    private byte[] readBytes(int size) throws IOException {
      byte[] values = new byte[Math.min(size, FIRST_ALLOCATION)];
      for (int done = 0; done < size; ) {
        int n = Math.min(CHUNK_FLOATS * Float.BYTES, size - done);
        if (done + n > values.length) {
          values = Arrays.copyOf(values, (int) Math.min(size, 2L * values.length));
        }
        data.readFully(values, done, n);
        done += n;
      }
      return values;
    }

    private List<String> readStrings(String name) throws IOException {
      int count = readCount("number of strings in '" + name + "'", MAX_STRINGS, Integer.BYTES);
      List<String> strings = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        strings.add(readString("string " + (i + 1) + " of '" + name + "'", MAX_STRING_BYTES));
      }
      return strings;
    }

    private String readString(String what, int maxBytes) throws IOException {
      long at = counter.position();
      int length = data.readInt();
      if (length < 0 || length > maxBytes) {
        throw fail(at, what + ": length " + length + " is outside 0.." + maxBytes + " bytes");
      }
      if (length > remaining()) {
        throw fail(at, what + ": length " + length + " but at most " + remaining() + " bytes can remain");
      }
      byte[] bytes = new byte[length];
      data.readFully(bytes);
      try {
        return StrictUtf8.decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw fail(at, what + ": not valid UTF-8");
      }
    }

    /** A count of items of at least {@code minBytes} each, checked against its limit and the bytes left. */
    private int readCount(String what, int max, int minBytes) throws IOException {
      long at = counter.position();
      int value = data.readInt();
      if (value < 0 || value > max) {
        throw fail(at, what + " " + value + " is outside 0.." + max);
      }
      if ((long) value * minBytes > remaining()) {
        throw fail(at, what + " " + value + " needs at least " + (long) value * minBytes + " bytes but at most "
            + remaining() + " can remain");
      }
      return value;
    }

    /** Bytes that can still come before the checksum. */
    private long remaining() {
      return Math.max(0, counter.remaining() - CHECKSUM_BYTES);
    }

    private InputFormatException fail(long offset, String problem) {
      return InputFormatException.atByte(source, offset, problem);
    }
  }
}
