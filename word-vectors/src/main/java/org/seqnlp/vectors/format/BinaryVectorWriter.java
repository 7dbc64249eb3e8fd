package org.seqnlp.vectors.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.seqnlp.vectors.WordVectors;

/**
 * Writes the word2vec binary format as the C tool does: header line, then per word its UTF-8 bytes, a
 * space, the little-endian float32 values and a newline.
 */
final class BinaryVectorWriter {

  private BinaryVectorWriter() {}

  static void write(WordVectors vectors, OutputStream out) throws IOException {
    OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    buffered.write((new VectorHeader(vectors.size(), vectors.dimension()) + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    ByteBuffer values = ByteBuffer.allocate(4 * vectors.dimension()).order(ByteOrder.LITTLE_ENDIAN);
    for (int row = 0; row < vectors.size(); row++) {
      buffered.write(TextVectorWriter.requireToken(vectors.word(row)).getBytes(StandardCharsets.UTF_8));
      buffered.write(' ');
      values.clear();
      for (int component = 0; component < vectors.dimension(); component++) {
        values.putFloat(vectors.get(row, component));
      }
      buffered.write(values.array());
      buffered.write('\n');
    }
    buffered.flush();
  }
}
