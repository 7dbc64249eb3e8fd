package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.ZipEntries;
import org.seqnlp.vectors.WordVectors;

/**
 * The model zip of Lucene's {@code Word2VecSynonymFilter} (Lucene 9.12 {@code Dl4jModelReader}), the
 * layout DL4J's {@code WordVectorSerializer.writeWord2VecModel} produces. Lucene reads only the first
 * entry whose name starts with {@code syn0}: word2vec text with single spaces, a {@code "<words>
 * <dimension>"} header (DL4J writes {@code "<words> <dimension> <documents>"}, which is read too) and every
 * word spelled {@code B64:} + Base64 of its UTF-8 bytes. (Lucene decides
 * from the first word alone whether all words are encoded, so every word is written encoded.)
 */
final class Dl4jZipFormat {

  static final String VECTORS_ENTRY = "syn0.txt";
  private static final String VECTORS_ENTRY_PREFIX = "syn0";
  private static final String ENCODED_WORD_PREFIX = "B64:";

  private Dl4jZipFormat() {}

  /** The limit of the zip's uncompressed bytes when the file's size is unknown. */
  static final long MAX_UNCOMPRESSED_BYTES = 1L << 32;

  /**
   * @param fileBytes the zip's size when known, else -1; bounds what its entries may inflate to ({@link
   *     ZipEntries#inflationLimit})
   */
  static WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
    long limit = ZipEntries.inflationLimit(fileBytes, MAX_UNCOMPRESSED_BYTES);
    WordVectors[] vectors = new WordVectors[1];
    ZipEntries.readAll(in, source, limit, limit, (name, entry, entrySource) -> {
      if (vectors[0] == null && name.startsWith(VECTORS_ENTRY_PREFIX)) {
        vectors[0] = TextVectorReader.readDl4jSyn0(entry, entrySource, Dl4jZipFormat::decode);
      }
    });
    if (vectors[0] == null) {
      throw InputFormatException.atByte(source, 0, "no '" + VECTORS_ENTRY_PREFIX
          + "' entry in the zip, so not a DL4J/Lucene word2vec model");
    }
    return vectors[0];
  }

  /**
   * Writes the zip. Zero vectors are left out: Lucene normalises every vector on load and fails on a
   * zero one, and a zero vector has no nearest neighbours anyway.
   */
  static void write(WordVectors vectors, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(VECTORS_ENTRY));
    TextVectorWriter.write(vectors, zip, true, Dl4jZipFormat::encode, row -> !vectors.isZero(row));
    zip.closeEntry();
    zip.finish();
  }

  private static String encode(String word) {
    return ENCODED_WORD_PREFIX + Base64.getEncoder().encodeToString(word.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(byte[] bytes, int from, int to) {
    int prefix = ENCODED_WORD_PREFIX.length();
    if (to - from >= prefix && new String(bytes, from, prefix, StandardCharsets.US_ASCII)
        .equalsIgnoreCase(ENCODED_WORD_PREFIX)) {
      byte[] decoded = Base64.getDecoder().decode(new String(bytes, from + prefix, to - from - prefix,
          StandardCharsets.US_ASCII));
      // Encoding lets the zip hold words with spaces, as DL4J writes them, but not the empty word.
      if (decoded.length == 0) {
        throw new IllegalArgumentException("the encoded word is empty");
      }
      return TextVectorReader.UTF8_WORDS.decode(decoded, 0, decoded.length);
    }
    return TextVectorReader.UTF8_WORDS.decode(bytes, from, to);
  }
}
