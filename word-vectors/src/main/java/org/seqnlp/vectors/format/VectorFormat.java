package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.seqnlp.vectors.WordVectors;

/** The word-vector file formats this package reads and writes. */
public enum VectorFormat {

  /** word2vec text: a {@code "<words> <dimension>"} header, then {@code word v1 ... vD} per line. */
  WORD2VEC_TEXT("word2vec-text") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return TextVectorReader.readWithHeader(in, source, TextVectorReader.UTF8_WORDS, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      TextVectorWriter.write(vectors, out, true, TextVectorWriter::requireToken, row -> true);
    }
  },

  /**
   * word2vec binary: a {@code "<words> <dimension>\n"} header, then per word its UTF-8 bytes, a space,
   * the little-endian float32 values and an optional newline.
   */
  WORD2VEC_BINARY("word2vec-binary") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return BinaryVectorReader.read(in, source, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      BinaryVectorWriter.write(vectors, out);
    }
  },

  /**
   * GloVe text: {@code word v1 ... vD} per line, no header; the first line sets the dimension. Having
   * no word count, it is read into an array sized from the file and trimmed at the end, which may
   * briefly take twice the matrix.
   */
  GLOVE("glove") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return TextVectorReader.readWithoutHeader(in, source, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      if (vectors.size() == 0) {
        // without a header, nothing would tell the dimension, and an empty file is no vector file to any reader
        throw new IllegalArgumentException("GloVe text cannot hold vectors without a word; write word2vec text");
      }
      TextVectorWriter.write(vectors, out, false, TextVectorWriter::requireToken, row -> true);
    }
  },

  /**
   * The model zip Lucene's {@code Word2VecSynonymFilter} (9.12) reads, as DL4J writes it: an entry
   * {@code syn0.txt} in word2vec text with Base64-encoded words. Zero vectors are not written, as Lucene
   * cannot load them.
   */
  DL4J_ZIP("dl4j-zip") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return Dl4jZipFormat.read(in, source, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      Dl4jZipFormat.write(vectors, out);
    }
  },

  /**
   * SeqNLP's own file ({@code TensorFile}) with float32 rows: the one format that keeps the n-gram
   * vectors of a subword model, so that words outside the vocabulary get vectors. Reads either precision.
   */
  SEQNLP("seqnlp") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return TensorVectorFormat.read(in, source, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      TensorVectorFormat.write(vectors, out, TensorVectorFormat.Precision.FLOAT32);
    }
  },

  /**
   * {@link #SEQNLP} with 8-bit rows (each row signed bytes times a float scale of its own): a quarter of
   * the size, read back as floats. Reads either precision.
   */
  SEQNLP_INT8("seqnlp-int8") {
    @Override
    WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
      return TensorVectorFormat.read(in, source, fileBytes);
    }

    @Override
    public void write(WordVectors vectors, OutputStream out) throws IOException {
      TensorVectorFormat.write(vectors, out, TensorVectorFormat.Precision.INT8);
    }
  };

  /**
   * The longest word, in UTF-8 bytes, that the formats write and read back: the binary reader refuses
   * longer ones (past this it decides the file is not word2vec binary), so the writers do too.
   */
  public static final int MAX_WORD_BYTES = 1 << 16;

  private final String id;

  VectorFormat(String id) {
    this.id = id;
  }

  /** The name used on command lines and in analyzer configurations, e.g. {@code word2vec-binary}. */
  public String id() {
    return id;
  }

  /**
   * The format named {@code id} (see {@link #id()}), ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted ids when there is none such
   */
  public static VectorFormat forId(String id) {
    for (VectorFormat format : values()) {
      if (format.id.equals(id.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown vector format '" + id + "', expected one of "
        + Arrays.stream(values()).map(VectorFormat::id).collect(Collectors.joining(", ")));
  }

  /**
   * Reads vectors in this format.
   *
   * @param source the name errors give for the input, usually its file name
   * @param fileBytes the input's size when known, else -1
   * @throws org.seqnlp.io.InputFormatException when the input does not follow the format
   */
  abstract WordVectors read(InputStream in, String source, long fileBytes) throws IOException;

  /**
   * Writes {@code vectors} in this format; {@code out} is flushed, not closed.
   *
   * @throws IllegalArgumentException when a word cannot be spelled in the format (space-separated
   *     formats cannot hold words with whitespace)
   */
  public abstract void write(WordVectors vectors, OutputStream out) throws IOException;

  /**
   * Checks that {@code word} can be written in this format and read back: in the space-separated
   * formats it is not empty and holds no whitespace; in
   * {@link #DL4J_ZIP}, which Base64-encodes words, anything goes; in the SeqNLP formats it holds no half of
   * a UTF-16 surrogate pair; in all, it has at most {@link #MAX_WORD_BYTES} bytes of UTF-8.
   *
   * @return the word
   * @throws IllegalArgumentException naming the word (shortened) and why it cannot be written
   */
  public String requireWritable(String word) {
    return switch (this) {
      case DL4J_ZIP -> TextVectorWriter.requireLength(word);
      case SEQNLP, SEQNLP_INT8 -> TensorVectorFormat.requireWritable(word);
      default -> TextVectorWriter.requireToken(word);
    };
  }

  /**
   * How many of the rows of {@code vectors} a file in this format holds: all, but for the zero vectors
   * {@link #DL4J_ZIP} leaves out.
   */
  public int rowsWritten(WordVectors vectors) {
    if (this != DL4J_ZIP) {
      return vectors.size();
    }
    int written = 0;
    for (int row = 0; row < vectors.size(); row++) {
      written += vectors.isZero(row) ? 0 : 1;
    }
    return written;
  }

  /**
   * Whether the format stores the n-gram vectors of a subword model; the others write the vocabulary's
   * vectors alone.
   */
  public boolean keepsSubwords() {
    return this == SEQNLP || this == SEQNLP_INT8;
  }

  @Override
  public String toString() {
    return id;
  }
}
