package org.seqnlp.eval.convert;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.opennlp.nn.BiLstmCrfNetwork;
import org.seqnlp.opennlp.nn.LinearChainCrf;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.opennlp.nn.TokenEncoder;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * Readers of the two weight formats that came before {@link org.seqnlp.io.tensor.TensorFile}, kept
 * only to convert the shipped models: the name finder's {@code SEQNLPNN} version 1 and the language
 * models' {@code SEQTENS1}. Inputs are the project's own files, read whole into memory.
 */
final class LegacyFormats {

  private static final byte[] NETWORK_MAGIC = "SEQNLPNN".getBytes(StandardCharsets.US_ASCII);
  private static final long TENSOR_MAGIC = 0x534551_54454E53_31L; // "SEQTENS1"

  private LegacyFormats() {
  }

  /** Whether {@code bytes} start as a version-1 name-finder network. */
  static boolean isNetwork(byte[] bytes) {
    return bytes.length >= NETWORK_MAGIC.length
        && Arrays.equals(Arrays.copyOf(bytes, NETWORK_MAGIC.length), NETWORK_MAGIC);
  }

  /** Whether {@code bytes} start as a {@code SEQTENS1} tensor file. */
  static boolean isTensorFile(byte[] bytes) {
    return bytes.length >= 8 && ByteBuffer.wrap(bytes).getLong() == TENSOR_MAGIC;
  }

  /** Reads a version-1 name-finder network, checking its CRC. */
  static BiLstmCrfNetwork readNetwork(byte[] bytes, String source) throws IOException {
    if (!isNetwork(bytes)) {
      throw InputFormatException.atByte(source, 0, "not a version-1 SeqNLP network");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - Long.BYTES);
    if (ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() != crc.getValue()) {
      throw InputFormatException.atByte(source, bytes.length - Long.BYTES, "checksum mismatch");
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
    data.skipNBytes(NETWORK_MAGIC.length);
    if (data.readInt() != 1 || !data.readUTF().equals("bilstm-crf")) {
      throw InputFormatException.atByte(source, NETWORK_MAGIC.length, "not a version-1 bilstm-crf network");
    }
    int wordDimension = data.readInt();
    int charDimension = data.readInt();
    int charFilters = data.readInt();
    int maxWordChars = data.readInt();
    int hidden = data.readInt();
    List<String> labels = readStrings(data);
    Vocabulary words = Vocabulary.of(readStrings(data));
    Vocabulary chars = Vocabulary.of(readStrings(data));
    TokenEncoder encoder = new TokenEncoder(words, chars, wordDimension, charDimension, charFilters, maxWordChars,
        readFloats(data), readFloats(data), readFloats(data), readFloats(data));
    int features = wordDimension + charFilters;
    Lstm forward = new Lstm(features, hidden, readFloats(data), readFloats(data), readFloats(data));
    Lstm backward = new Lstm(features, hidden, readFloats(data), readFloats(data), readFloats(data));
    float[] outputWeights = readFloats(data);
    float[] outputBias = readFloats(data);
    LinearChainCrf crf = new LinearChainCrf(labels.size(), readFloats(data), readFloats(data), readFloats(data));
    if (data.available() != Long.BYTES) {
      throw InputFormatException.atByte(source, bytes.length - data.available(), "unexpected bytes before the CRC");
    }
    return new BiLstmCrfNetwork(labels, encoder, forward, backward, outputWeights, outputBias, crf);
  }

  /** Reads the tensors of a {@code SEQTENS1} file, in file order. */
  static List<Tensor> readTensors(byte[] bytes, String source) throws IOException {
    if (!isTensorFile(bytes)) {
      throw InputFormatException.atByte(source, 0, "not a SEQTENS1 tensor file");
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
    data.skipNBytes(Long.BYTES);
    int count = data.readInt();
    List<Tensor> tensors = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      String name = data.readUTF();
      int[] shape = new int[data.readInt()];
      long size = 1;
      for (int axis = 0; axis < shape.length; axis++) {
        shape[axis] = data.readInt();
        size *= shape[axis];
      }
      tensors.add(new Tensor(name, shape, readFloats(data, Math.toIntExact(size))));
    }
    if (data.available() != 0) {
      throw InputFormatException.atByte(source, bytes.length - data.available(), "unexpected bytes after the tensors");
    }
    return tensors;
  }

  private static List<String> readStrings(DataInputStream data) throws IOException {
    int count = data.readInt();
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(data.readUTF());
    }
    return strings;
  }

  private static float[] readFloats(DataInputStream data) throws IOException {
    return readFloats(data, data.readInt());
  }

  private static float[] readFloats(DataInputStream data, int length) throws IOException {
    byte[] raw = data.readNBytes(Math.multiplyExact(length, Float.BYTES));
    if (raw.length != length * Float.BYTES) {
      throw new java.io.EOFException("file ends inside an array");
    }
    float[] values = new float[length];
    ByteBuffer.wrap(raw).asFloatBuffer().get(values);
    return values;
  }
}
