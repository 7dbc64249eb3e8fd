package org.seqnlp.opennlp.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqnlp.io.InputFormatException;

/**
 * A plain binary file of named tensors, so models carry their weights without Java serialization or
 * ND4J: magic {@code SEQTENS1}, a tensor count, then per tensor its name (modified UTF-8), rank,
 * dimensions and values, all big-endian as {@link DataOutputStream} writes them.
 */
public final class TensorFile {

  private static final long MAGIC = 0x534551_54454E53_31L; // "SEQTENS1"
  private static final int MAX_RANK = 8;

  private TensorFile() {
  }

  /** Writes {@code tensors} to {@code out}, leaving it open (it may be a zip entry). */
  public static void write(Iterable<Tensor> tensors, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    int count = 0;
    for (Tensor ignored : tensors) {
      count++;
    }
    data.writeLong(MAGIC);
    data.writeInt(count);
    for (Tensor tensor : tensors) {
      data.writeUTF(tensor.name());
      data.writeInt(tensor.shape().length);
      for (int dimension : tensor.shape()) {
        data.writeInt(dimension);
      }
      for (float value : tensor.values()) {
        data.writeFloat(value);
      }
    }
    data.flush();
  }

  /**
   * Reads the tensors of {@code in}, by name in file order.
   *
   * @param source the file name used in error messages
   * @throws InputFormatException naming the byte offset when the stream is not such a file or is truncated
   */
  public static Map<String, Tensor> read(InputStream in, String source) throws IOException {
    CountingStream counting = new CountingStream(new BufferedInputStream(in, 1 << 16));
    DataInputStream data = new DataInputStream(counting);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    try {
      if (data.readLong() != MAGIC) {
        throw InputFormatException.atByte(source, 0, "not a tensor file (bad magic number)");
      }
      int count = data.readInt();
      if (count < 0) {
        throw InputFormatException.atByte(source, 8, "negative tensor count " + count);
      }
      for (int t = 0; t < count; t++) {
        long start = counting.position;
        String name = data.readUTF();
        int rank = data.readInt();
        if (rank < 0 || rank > MAX_RANK) {
          throw InputFormatException.atByte(source, start, "tensor " + name + ": bad rank " + rank);
        }
        int[] shape = new int[rank];
        long size = 1;
        for (int axis = 0; axis < rank; axis++) {
          shape[axis] = data.readInt();
          size *= Math.max(shape[axis], 0);
          if (shape[axis] < 0 || size > Integer.MAX_VALUE - 8) {
            throw InputFormatException.atByte(source, start, "tensor " + name + ": bad shape");
          }
        }
        float[] values = new float[(int) size];
        for (int i = 0; i < values.length; i++) {
          values[i] = data.readFloat();
        }
        if (tensors.put(name, new Tensor(name, shape, values)) != null) {
          throw InputFormatException.atByte(source, start, "tensor " + name + " appears twice");
        }
      }
    } catch (EOFException e) {
      throw InputFormatException.atByte(source, counting.position, "file ends inside a tensor (truncated?)", e);
    }
    return tensors;
  }

  private static final class CountingStream extends FilterInputStream {
    long position;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }
}
