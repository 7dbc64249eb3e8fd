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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.seqnlp.io.InputFormatException;

/**
 * The binary file format of a {@link BiLstmCrfNetwork}: plain big-endian numbers and strings written
 * with {@link DataOutputStream}, no Java serialisation.
 *
 * <pre>
 * magic "SEQNLPNN", int version (1), UTF architecture ("bilstm-crf")
 * int wordDimension, charDimension, charFilters, maxWordChars, hidden
 * labels, words, characters: int count, then count UTF strings
 * float arrays, each int length then the values: word embeddings, character embeddings,
 *   convolution weights, convolution bias, forward LSTM (input, recurrent, bias), backward LSTM
 *   (input, recurrent, bias), output weights, output bias, CRF start, end, transitions
 * long CRC-32 of every byte before it
 * </pre>
 *
 * Reading checks every size against the header before allocating, so a corrupted or hostile file
 * fails with an {@link InputFormatException} naming the byte offset, never with a huge allocation.
 */
public final class BiLstmCrfNetworkFormat {

  private static final byte[] MAGIC = "SEQNLPNN".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final String ARCHITECTURE = "bilstm-crf";
  private static final int MAX_DIMENSION = 1 << 14;
  private static final int MAX_SYMBOLS = 1 << 24;
  private static final int MAX_LABELS = 1 << 12;
  private static final int CHUNK_FLOATS = 1 << 14;

  private BiLstmCrfNetworkFormat() {
  }

  /** Writes {@code network} to {@code out}, which stays open. */
  public static void write(BiLstmCrfNetwork network, OutputStream out) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(new NonClosingOutputStream(out), new CRC32());
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked));
    TokenEncoder encoder = network.encoder();
    data.write(MAGIC);
    data.writeInt(VERSION);
    data.writeUTF(ARCHITECTURE);
    data.writeInt(encoder.wordDimension());
    data.writeInt(encoder.charDimension());
    data.writeInt(encoder.charFilters());
    data.writeInt(encoder.maxWordChars());
    data.writeInt(network.forward().hidden());
    writeStrings(data, network.labels());
    writeStrings(data, encoder.words().symbols());
    writeStrings(data, encoder.chars().symbols());
    for (float[] array : arraysOf(network)) {
      data.writeInt(array.length);
      byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
      for (int done = 0; done < array.length; ) {
        int n = Math.min(CHUNK_FLOATS, array.length - done);
        ByteBuffer.wrap(chunk).asFloatBuffer().put(array, done, n);
        data.write(chunk, 0, n * Float.BYTES);
        done += n;
      }
    }
    data.flush();
    data.writeLong(checked.getChecksum().getValue());
    data.flush();
  }

  private static List<float[]> arraysOf(BiLstmCrfNetwork network) {
    TokenEncoder encoder = network.encoder();
    LinearChainCrf crf = network.crf();
    return List.of(encoder.wordEmbeddings(), encoder.charEmbeddings(), encoder.convolutionWeights(),
        encoder.convolutionBias(), network.forward().inputWeights(), network.forward().recurrentWeights(),
        network.forward().bias(), network.backward().inputWeights(), network.backward().recurrentWeights(),
        network.backward().bias(), network.outputWeights(), network.outputBias(), crf.start(), crf.end(),
        crf.transitions());
  }

  private static void writeStrings(DataOutputStream data, List<String> strings) throws IOException {
    data.writeInt(strings.size());
    for (String s : strings) {
      data.writeUTF(s);
    }
  }

  /**
   * Reads a network from {@code in}, which stays open (buffering may read past the network's end).
   *
   * @param source names the input in error messages
   */
  public static BiLstmCrfNetwork read(InputStream in, String source) throws IOException {
    Reader reader = new Reader(in, source);
    try {
      return reader.read();
    } catch (EOFException e) {
      throw InputFormatException.atByte(source, reader.counter.count, "file ends inside the network");
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atByte(source, reader.counter.count, e.getMessage(), e);
    }
  }

  private static final class Reader {
    final String source;
    final CountingInputStream counter;
    final CheckedInputStream checked;
    final DataInputStream data;

    Reader(InputStream in, String source) {
      this.source = source;
      // The counter and the checksum sit above the buffer so that they cover exactly the parsed bytes.
      this.counter = new CountingInputStream(new BufferedInputStream(new NonClosingInputStream(in)));
      this.checked = new CheckedInputStream(counter, new CRC32());
      this.data = new DataInputStream(checked);
    }

    BiLstmCrfNetwork read() throws IOException {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw fail(0, "not a SeqNLP network (bad magic number)");
      }
      int version = data.readInt();
      if (version != VERSION) {
        throw fail(counter.count - 4, "unsupported network format version " + version + " (this build reads "
            + VERSION + ")");
      }
      long at = counter.count;
      String architecture = data.readUTF();
      if (!architecture.equals(ARCHITECTURE)) {
        throw fail(at, "unsupported architecture '" + architecture + "'");
      }
      int wordDimension = readCount("word dimension", 1, MAX_DIMENSION);
      int charDimension = readCount("character dimension", 1, MAX_DIMENSION);
      int charFilters = readCount("character filters", 1, MAX_DIMENSION);
      int maxWordChars = readCount("maximum word length", 2, MAX_DIMENSION);
      int hidden = readCount("hidden size", 1, MAX_DIMENSION);
      List<String> labels = readStrings("labels", 1, MAX_LABELS);
      Vocabulary words = new Vocabulary(readStrings("words", 1, MAX_SYMBOLS));
      Vocabulary chars = new Vocabulary(readStrings("characters", 2, MAX_SYMBOLS));
      int featureSize = wordDimension + charFilters;
      int labelCount = labels.size();
      TokenEncoder encoder = new TokenEncoder(words, chars, wordDimension, charDimension, charFilters,
          maxWordChars, readArray("word embeddings", (long) words.size() * wordDimension),
          readArray("character embeddings", (long) chars.size() * charDimension),
          readArray("convolution weights", (long) charFilters * TokenEncoder.KERNEL_WIDTH * charDimension),
          readArray("convolution bias", charFilters));
      Lstm forward = readLstm("forward", featureSize, hidden);
      Lstm backward = readLstm("backward", featureSize, hidden);
      float[] outputWeights = readArray("output weights", 2L * hidden * labelCount);
      float[] outputBias = readArray("output bias", labelCount);
      LinearChainCrf crf = new LinearChainCrf(labelCount, readArray("CRF start scores", labelCount),
          readArray("CRF end scores", labelCount), readArray("CRF transitions", (long) labelCount * labelCount));
      long expected = checked.getChecksum().getValue();
      at = counter.count;
      if (data.readLong() != expected) {
        throw fail(at, "checksum mismatch: the network is corrupted");
      }
      return new BiLstmCrfNetwork(labels, encoder, forward, backward, outputWeights, outputBias, crf);
    }

    private Lstm readLstm(String direction, int inputSize, int hidden) throws IOException {
      return new Lstm(inputSize, hidden,
          readArray(direction + " LSTM input weights", (long) inputSize * 4 * hidden),
          readArray(direction + " LSTM recurrent weights", (long) hidden * 4 * hidden),
          readArray(direction + " LSTM bias", 4L * hidden));
    }

    private int readCount(String what, int min, int max) throws IOException {
      long at = counter.count;
      int value = data.readInt();
      if (value < min || value > max) {
        throw fail(at, what + " " + value + " is outside " + min + ".." + max);
      }
      return value;
    }

    private List<String> readStrings(String what, int min, int max) throws IOException {
      int count = readCount("number of " + what, min, max);
      List<String> strings = new ArrayList<>(Math.min(count, 1 << 16));
      for (int i = 0; i < count; i++) {
        strings.add(data.readUTF());
      }
      return strings;
    }

    private float[] readArray(String what, long expected) throws IOException {
      long at = counter.count;
      int length = data.readInt();
      if (length != expected) {
        throw fail(at, what + " hold " + length + " values, the header implies " + expected);
      }
      float[] values = new float[length];
      byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
      for (int done = 0; done < length; ) {
        int n = Math.min(CHUNK_FLOATS, length - done);
        data.readFully(chunk, 0, n * Float.BYTES);
        ByteBuffer.wrap(chunk, 0, n * Float.BYTES).asFloatBuffer().get(values, done, n);
        done += n;
      }
      return values;
    }

    private InputFormatException fail(long offset, String problem) {
      return InputFormatException.atByte(source, offset, problem);
    }
  }

  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** Keeps the caller's stream open: OpenNLP hands artifact serializers the model's zip stream. */
  private static final class NonClosingInputStream extends FilterInputStream {
    NonClosingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
    }
  }

  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
